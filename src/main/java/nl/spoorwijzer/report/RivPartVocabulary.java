package nl.spoorwijzer.report;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import nl.spoorwijzer.process.TaskPropertyVocabulary;
import org.springframework.stereotype.Component;

/** The RIV parts a task may declare ({@value RivPart#MODEL_PROPERTY}): the values of {@link RivPart}. */
@Component
public class RivPartVocabulary implements TaskPropertyVocabulary {

    @Override
    public String property() {
        return RivPart.MODEL_PROPERTY;
    }

    @Override
    public Set<String> values() {
        return Arrays.stream(RivPart.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
