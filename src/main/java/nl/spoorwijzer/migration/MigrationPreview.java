package nl.spoorwijzer.migration;

import java.util.List;

/**
 * The plan tried on every running case of the source version, nothing kept: per case (its id, as the procesbeheerder
 * selects it; no names, no contents) whether it can move and, if not, why. The definition ids name exactly the
 * versions tried: the start of the migration sends them back, so that a version deployed in between is not taken.
 */
public record MigrationPreview(String processKey, int sourceVersion, String sourceVersionTag,
                               String sourceDefinitionId, int targetVersion, String targetVersionTag,
                               String targetDefinitionId, List<Mapping> mappings, List<CaseResult> cases,
                               boolean truncated) {

    /** One activity of the source version and where it continues in the target version. */
    public record Mapping(String from, String to, boolean updatesEventTrigger) {
    }

    public record CaseResult(String caseId, boolean canMove, List<String> reasons) {
    }
}
