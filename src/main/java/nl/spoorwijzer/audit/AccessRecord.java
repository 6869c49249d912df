package nl.spoorwijzer.audit;

import java.time.OffsetDateTime;

/**
 * One read or change of a case's personal data: who (user and the roles he acted in), when, what (the request) and
 * from where (the client's address as the proxy reported it).
 */
public record AccessRecord(Long id, String caseId, String userId, String roles, OffsetDateTime accessedAt,
                           Action action, String what, String clientAddress) {

    public enum Action {
        /** The case's data was shown. */
        READ,
        /** The case was changed (a recovery, a UWV decision, a sick report). */
        CHANGE
    }
}
