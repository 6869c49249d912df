package nl.spoorwijzer.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import nl.spoorwijzer.audit.EngineCaller.Caller;
import nl.spoorwijzer.audit.EngineRequest.Action;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records in the access log who read or changed which case through Camunda's REST API and the webapps' engine API
 * (Tasklist, Cockpit), as {@link CaseAccessRecorder} does for the platform's own API (issue 23, AVG art. 15 and 32).
 *
 * <p>A read is recorded only when the engine answered it ({@code 2xx}): what the engine refused showed nothing. Its
 * answer is held back until the record is written, so nothing is shown that is not in the log, and a log that cannot
 * be written fails the read. The cases read are those the path names (a task's form variables) or the answer lists
 * (every process instance in a JSON answer). A change is recorded whatever the answer — a refused change as the
 * attempt it was, with the status — for the cases its path, its JSON body or its answer names; a deletion's case is
 * found before the deletion. One query per request finds the cases; one batch records them.
 */
class EngineAccessFilter extends OncePerRequestFilter {

    /** A request body larger than this (a batch of ids) is scanned only as far as this. */
    static final int MAX_SCANNED_BODY = 64 * 1024;
    private static final int MAX_QUERY_SHOWN = 120;

    private final CaseResolver resolver;
    private final CaseAccessRecorder recorder;
    private final EngineCaller callers;

    EngineAccessFilter(CaseResolver resolver, CaseAccessRecorder recorder, EngineCaller callers) {
        this.resolver = resolver;
        this.recorder = recorder;
        this.callers = callers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String enginePath = EngineRequest.enginePath(uri);
        EngineRequest call = enginePath == null ? EngineRequest.NONE
                : EngineRequest.of(request.getMethod(), enginePath);
        switch (call.action()) {
            case READ -> read(call, engineName(uri), request, response, chain);
            case CHANGE -> change(call, engineName(uri), request, response, chain);
            default -> chain.doFilter(request, response);
        }
    }

    private void read(EngineRequest call, String engine, HttpServletRequest request, HttpServletResponse response,
                      FilterChain chain) throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        if (isSuccess(answer.getStatus())) {
            CaseReferences read = call.pathReferences();
            if (call.scansAnswer() && isJson(answer.getContentType())) {
                read.addAll(JsonReferences.scan(answer.getContentAsByteArray(), call.answerIdIsProcessInstance(),
                        false));
            }
            record(request, engine, read, AccessRecord.Action.READ, query(request));
        }
        answer.copyBodyToResponse();
    }

    private void change(EngineRequest call, String engine, HttpServletRequest request, HttpServletResponse response,
                        FilterChain chain) throws ServletException, IOException {
        if ("DELETE".equals(request.getMethod())) {
            // the case is found while what the path names still exists; the caller is known before the chain, too
            Caller caller = callers.of(request, engine);
            Set<String> cases = caller == null ? Set.of() : resolver.casesOf(call.pathReferences());
            chain.doFilter(request, response);
            recordChange(request, caller, cases, response.getStatus());
            return;
        }
        // only a JSON body can name a case (a deployment's upload is not kept)
        ContentCachingRequestWrapper body = isJson(request.getContentType())
                ? new ContentCachingRequestWrapper(request, MAX_SCANNED_BODY) : null;
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean answered = false;
        try {
            chain.doFilter(body == null ? request : body, answer);
            answered = true;
        } finally {
            Caller caller = callers.of(request, engine);
            if (caller != null) {
                CaseReferences changed = call.pathReferences();
                if (body != null) {
                    changed.addAll(JsonReferences.scan(body.getContentAsByteArray(), false, true));
                }
                if (isJson(answer.getContentType())) {
                    changed.addAll(JsonReferences.scan(answer.getContentAsByteArray(),
                            call.answerIdIsProcessInstance(), false));
                }
                recordChange(request, caller, changed.isEmpty() ? Set.of() : resolver.casesOf(changed),
                        answered ? answer.getStatus() : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
            answer.copyBodyToResponse();
        }
    }

    private void recordChange(HttpServletRequest request, Caller caller, Set<String> cases, int status) {
        if (caller == null || cases.isEmpty()) {
            return;
        }
        String what = isSuccess(status) ? query(request) : join(query(request), "(poging, antwoord " + status + ")");
        recorder.record(request, caller.userId(), caller.groups(), cases, AccessRecord.Action.CHANGE, what);
    }

    private void record(HttpServletRequest request, String engine, CaseReferences references,
                        AccessRecord.Action action, String what) {
        if (references.isEmpty()) {
            return;
        }
        Caller caller = callers.of(request, engine);
        if (caller == null) {
            return;
        }
        Set<String> cases = resolver.casesOf(references);
        recorder.record(request, caller.userId(), caller.groups(), cases, action, what);
    }

    /** The query string as the log shows it: whole when short, else marked as left out. */
    private static String query(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            return null;
        }
        return query.length() <= MAX_QUERY_SHOWN ? "?" + query : "?" + query.substring(0, MAX_QUERY_SHOWN) + "…";
    }

    private static String join(String first, String second) {
        return first == null ? second : first + " " + second;
    }

    private static String engineName(String uri) {
        String prefix = uri.startsWith("/camunda/") ? "/camunda/api/engine/engine/" : "/engine-rest/engine/";
        if (!uri.startsWith(prefix)) {
            return "default";
        }
        int end = uri.indexOf('/', prefix.length());
        return end < 0 ? uri.substring(prefix.length()) : uri.substring(prefix.length(), end);
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase().contains("json");
    }
}
