package nl.spoorwijzer.migration;

import java.time.OffsetDateTime;

/** One deployed version of a case model and how many of its instances run on it (a count, no case data). */
public record ProcessVersion(String processKey, String definitionId, int version, String versionTag,
                             OffsetDateTime deployedAt, String tenantId, long runningCases) {
}
