package nl.spoorwijzer.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records that the caller read or changed cases, with the request that did it: {@code GET} and {@code HEAD} read,
 * every other method changes. Outside a web request (the platform's own work) nothing is recorded: only people's
 * access is.
 */
@Component
public class CaseAccessRecorder {

    private static final int MAX_WHAT = 300;
    private static final String RECORDED = CaseAccessRecorder.class.getName() + ".recorded";

    private final AccessLog log;
    private final Clock clock;

    public CaseAccessRecorder(AccessLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * @param userId the caller
     * @param roles  the caller's groups
     * @param caseIds the cases the request reads or changes
     * @param what   what was read, when the request path does not say it (e.g. "lijst"); may be null
     */
    public void record(String userId, Collection<String> roles, Collection<String> caseIds, String what) {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return;
        }
        String method = request.getMethod();
        AccessRecord.Action action = "GET".equals(method) || "HEAD".equals(method)
                ? AccessRecord.Action.READ : AccessRecord.Action.CHANGE;
        record(request, userId, roles, caseIds, action, what == null ? null : "(" + what + ")");
    }

    /**
     * Records an access whose kind the caller decided (a {@code POST} query of Camunda's REST API reads), for the given
     * request: {@code what} is appended to its method and path (its query string, starting with "?", or a note).
     */
    public void record(HttpServletRequest request, String userId, Collection<String> roles,
                       Collection<String> caseIds, AccessRecord.Action action, String what) {
        if (userId == null || caseIds.isEmpty()) {
            return;
        }
        List<String> notYetRecorded = caseIds.stream().distinct().filter(recordedIn(request)::add).toList();
        if (notYetRecorded.isEmpty()) {
            return; // this request already recorded them (a change answers with the case it changed)
        }
        String described = request.getMethod() + " " + request.getRequestURI()
                + (what == null ? "" : what.startsWith("?") ? what : " " + what);
        String shortened = described.length() > MAX_WHAT ? described.substring(0, MAX_WHAT) : described;
        OffsetDateTime now = OffsetDateTime.now(clock);
        String roleList = roles == null ? null : String.join(",", roles);
        List<AccessRecord> records = notYetRecorded.stream().map(caseId -> new AccessRecord(null, caseId, userId,
                roleList, now, action, shortened, request.getRemoteAddr())).toList();
        log.append(records);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> recordedIn(HttpServletRequest request) {
        Object recorded = request.getAttribute(RECORDED);
        if (recorded == null) {
            recorded = new HashSet<String>();
            request.setAttribute(RECORDED, recorded);
        }
        return (Set<String>) recorded;
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
