package nl.spoorwijzer.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who made a request to Camunda's REST API. {@code /engine-rest}: the user Camunda's HTTP Basic filter made the
 * engine's current authentication for the request. The webapps' {@code /camunda/api/engine}: the user logged in to the
 * session, which Camunda's webapp authentication filter makes the current one while the request runs and keeps in the
 * session afterwards — so the answer does not depend on whether this filter runs inside Camunda's or around it.
 */
class EngineCaller {

    record Caller(String userId, List<String> groups) {
    }

    private final IdentityService identityService;

    EngineCaller(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The caller, or null when nobody is authenticated (the request was then refused before it reached the engine). */
    Caller of(HttpServletRequest request, String engineName) {
        Authentication engine = addressed(engineName).getCurrentAuthentication();
        if (engine != null && engine.getUserId() != null) {
            return new Caller(engine.getUserId(), groups(engine.getGroupIds()));
        }
        if (!request.getRequestURI().startsWith("/camunda/")) {
            return null;
        }
        Authentications webapp = Authentications.getCurrent();
        if (webapp == null) {
            HttpSession session = request.getSession(false);
            webapp = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        }
        if (webapp == null
                || !(webapp.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user)) {
            return null;
        }
        return new Caller(user.getIdentityId(), groups(user.getGroupIds()));
    }

    /**
     * The identity service of the engine the REST API addressed (Camunda looks it up by name in its JVM-wide
     * registry), which holds the request's authentication; this context's own when the registry has no such engine.
     */
    private IdentityService addressed(String engineName) {
        ProcessEngine engine = ProcessEngines.getProcessEngine(engineName == null ? "default" : engineName);
        return engine == null ? identityService : engine.getIdentityService();
    }

    private static List<String> groups(List<String> groups) {
        return groups == null ? List.of() : groups;
    }
}
