package nl.spoorwijzer.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The completeness rules of the re-integratieverslag for many cases at once, without reading anything: the caller
 * brings each case's legal dates and the steps done. Made once by {@link ReintegrationReports#gapCheck()} with the
 * parts the deployed models declare.
 */
public final class RivGapCheck {

    private final Map<String, String> declaredParts;

    RivGapCheck(Map<String, String> declaredParts) {
        this.declaredParts = declaredParts;
    }

    /**
     * The steps a periodic evaluation counts from: the plan van aanpak, every evaluation and the
     * eerstejaarsevaluatie (by the parts the models declare for them).
     */
    public Set<String> evaluationSteps() {
        Set<String> parts = Set.of(RivPart.PLAN_VAN_AANPAK.name(), RivPart.EVALUATIES.name(),
                RivPart.EERSTEJAARSEVALUATIE.name());
        return declaredParts.entrySet().stream().filter(declared -> parts.contains(declared.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /**
     * The titles of the required parts with a legal date that passed before {@code today} while none of the steps
     * producing them was done — what the completeness check calls "ontbreekt" (the periodic evaluations are judged
     * by their own interval, not here).
     */
    public List<String> missingParts(Map<String, Object> timeline, Collection<String> doneSteps, LocalDate today) {
        List<String> missing = new ArrayList<>();
        for (RivPart part : RivPart.values()) {
            if (!part.required() || part.milestone() == null) {
                continue;
            }
            Object due = timeline.get(part.milestone());
            if (due == null || !today.isAfter(LocalDate.parse(due.toString()))) {
                continue;
            }
            boolean done = doneSteps.stream().anyMatch(step -> part.producedBy(step, declaredParts));
            if (!done && !missing.contains(part.title())) {
                missing.add(part.title());
            }
        }
        return missing;
    }
}
