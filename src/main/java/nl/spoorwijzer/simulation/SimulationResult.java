package nl.spoorwijzer.simulation;

import java.util.List;
import nl.spoorwijzer.system.Violation;

/**
 * The answer of one simulation: per sample case what the current and the candidate model produce and the
 * differences; or, when the candidate was refused or the simulation failed, why.
 *
 * @param firstSickDay the day every sample case falls ill
 * @param refusal      the deployment rules the candidate breaks (then {@code cases} is empty), else null
 */
public record SimulationResult(String firstSickDay, List<CaseResult> cases, List<Violation> refusal) {

    public record CaseResult(String id, String title, Trace current, Trace candidate, Differences tasks,
                             Differences dossier) {
    }
}
