package nl.spoorwijzer.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses {@code /api} request bodies above a limit with 413 (a sick report or UWV decision is a few hundred bytes):
 * at once when the declared length is too large, or when a body without a declared length grows past it while it is
 * read (the read fails, and {@link ApiExceptionHandler} answers 413). An upload a feature declared
 * ({@link UploadLimit}) has its own, larger limit and refusal; its multipart body is parsed by the servlet container,
 * whose own limit (set to the same size by the feature) trips on a body without a declared length.
 */
class BodySizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final List<UploadLimit> uploads;

    BodySizeLimit(DataSize max, List<UploadLimit> uploads) {
        this.maxBytes = max.toBytes();
        this.uploads = List.copyOf(uploads);
    }

    /** The upload limit that applies to this request, or null for an ordinary API request. */
    static UploadLimit uploadOf(List<UploadLimit> uploads, HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return uploads.stream().filter(upload -> upload.matches(request.getMethod(), path)).findFirst().orElse(null);
    }

    static final String DETAIL = "The request body is larger than this API accepts.";

    static Problem problem() {
        return Problem.of(413, DETAIL);
    }

    static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UploadLimit upload = uploadOf(uploads, request);
        long limit = upload == null ? maxBytes : upload.maxBody().toBytes();
        if (request.getContentLengthLong() > limit) {
            Problem problem = upload == null ? problem() : upload.problem();
            response.setStatus(problem.status());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(JSON.writeValueAsString(problem.body()));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Thrown while reading a body that exceeds the limit. */
    static class TooLarge extends IOException {
        TooLarge() {
            super("request body too large");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        LimitedStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > maxBytes) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
