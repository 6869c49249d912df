package nl.spoorwijzer.cases;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.spoorwijzer.audit.AccessLog;
import nl.spoorwijzer.audit.AccessRecord;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.system.RuleViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who read or changed a case. The employee whose case it is may ask it (his right of access, AVG art. 15); the
 * administrator may query the whole log. Nobody else: the log is itself personal data of those who worked the case.
 */
@RestController
class AccessLogController {

    private final CaseAccess access;
    private final AccessLog log;
    private final Clock clock;

    AccessLogController(CaseAccess access, AccessLog log, Clock clock) {
        this.access = access;
        this.log = log;
        this.clock = clock;
    }

    @GetMapping("/api/cases/{caseId}/access-log")
    @Operation(summary = "Who read or changed this case, when, in which role and from where, newest first (at most"
            + " 1,000 records): for the employee whose case it is (AVG art. 15) and the administrator")
    List<AccessRecord> forCase(@PathVariable String caseId) {
        CaseFile file = access.requireVisible(caseId);
        if (!access.callerIsAdmin() && !access.callerId().equals(file.employeeId())) {
            throw RuleViolationException.notAllowed("caseId", "only the employee whose case it is (AVG art. 15)"
                    + " and the administrator may read its access log");
        }
        return log.forCase(caseId);
    }

    @GetMapping("/api/access-log")
    @Operation(summary = "The access log for the administrator: by case, user and period (dates inclusive, in the"
            + " legal time zone), newest first, at most 1,000 records")
    List<AccessRecord> query(@RequestParam(required = false) String caseId,
                             @RequestParam(required = false) String userId,
                             @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        if (!access.callerIsAdmin()) {
            throw RuleViolationException.notAllowed("access-log", "only the administrator may query the access log");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw RuleViolationException.invalid("to", "must not be before from");
        }
        return log.query(caseId, userId, from == null ? null : from.atStartOfDay(clock.getZone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }
}
