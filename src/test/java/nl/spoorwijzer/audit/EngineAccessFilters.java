package nl.spoorwijzer.audit;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine access filter outside Spring, for the benchmark: a fixed caller, not the engine's authentication. */
public final class EngineAccessFilters {

    private EngineAccessFilters() {
    }

    public static Filter withCaller(JdbcTemplate jdbc, String userId, List<String> groups) {
        EngineCaller caller = new EngineCaller(null) {
            @Override
            Caller of(HttpServletRequest request, String engineName) {
                return new Caller(userId, groups);
            }
        };
        return new EngineAccessFilter(new CaseResolver(jdbc), new CaseAccessRecorder(new AccessLog(jdbc),
                Clock.systemUTC()), caller);
    }
}
