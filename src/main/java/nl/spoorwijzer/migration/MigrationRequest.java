package nl.spoorwijzer.migration;

import java.util.List;

/**
 * What the procesbeheerder asks: move cases of {@code processKey} from a version (its number, or the definition id)
 * to another (for the plan, the latest when left out; the start names it, as the plan's answer did), with mappings
 * for activities whose id changed. {@code caseIds} and {@code confirm} matter only when the migration is started.
 */
public record MigrationRequest(String processKey, Integer sourceVersion, String sourceDefinitionId,
                               Integer targetVersion, String targetDefinitionId, String tenantId,
                               List<ActivityMapping> extraMappings, List<String> caseIds, Boolean confirm) {

    /** An activity of the source version that continues as another activity of the target version. */
    public record ActivityMapping(String from, String to) {
    }

    /** The same request, not confirmed. */
    public MigrationRequest withoutConfirm() {
        return new MigrationRequest(processKey, sourceVersion, sourceDefinitionId, targetVersion, targetDefinitionId,
                tenantId, extraMappings, caseIds, false);
    }

    public List<ActivityMapping> mappings() {
        return extraMappings == null ? List.of() : extraMappings;
    }
}
