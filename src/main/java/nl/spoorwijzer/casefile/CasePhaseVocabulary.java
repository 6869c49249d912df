package nl.spoorwijzer.casefile;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import nl.spoorwijzer.process.TaskPropertyVocabulary;
import org.springframework.stereotype.Component;

/** The phases a task may declare ({@value CasePhase#MODEL_PROPERTY}): the values of {@link CasePhase}. */
@Component
public class CasePhaseVocabulary implements TaskPropertyVocabulary {

    @Override
    public String property() {
        return CasePhase.MODEL_PROPERTY;
    }

    @Override
    public Set<String> values() {
        return Arrays.stream(CasePhase.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
