package nl.spoorwijzer.migration;

import java.util.List;

/**
 * The plan tried on every running case of the source version, nothing kept: per case (its id, as the procesbeheerder
 * selects it; no names, no contents) whether it can move and, if not, why.
 */
public record MigrationPreview(String processKey, int sourceVersion, String sourceVersionTag, int targetVersion,
                               String targetVersionTag, List<Mapping> mappings, List<CaseResult> cases,
                               boolean truncated) {

    /** One activity of the source version and where it continues in the target version. */
    public record Mapping(String from, String to, boolean updatesEventTrigger) {
    }

    public record CaseResult(String caseId, boolean canMove, List<String> reasons) {
    }
}
