package nl.spoorwijzer.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

/**
 * Camunda's container-based login ({@link WebappContainerAuthentication}) for the webapps and for the platform's own
 * pages: those address no engine in their path, so the platform's engine is theirs. The webapps' own paths are
 * Camunda's (e.g. {@code /camunda/app/tasklist/default/}); a path without an engine passes on unchanged.
 */
class WebappContainerLogin extends ContainerBasedAuthenticationFilter {

    private static final List<String> APPS = List.of("cockpit", "tasklist", "admin");
    private final String engineName;

    WebappContainerLogin(String engineName) {
        this.engineName = engineName;
    }

    /**
     * The webapps' login from the claims. Camunda's own version requires a row in its user table; a person signed in
     * through the provider needs none. Which webapps it may open is decided as Camunda decides it: the application
     * authorizations of the user and its groups.
     */
    @Override
    protected UserAuthentication createAuthentication(ProcessEngine engine, String userId, List<String> groupIds,
                                                      List<String> tenantIds) {
        UserAuthentication login = new UserAuthentication(userId, engine.getName());
        login.setGroupIds(groupIds);
        login.setTenantIds(tenantIds);
        Set<String> apps = new HashSet<>(Set.of("welcome"));
        for (String app : APPS) {
            if (!engine.getProcessEngineConfiguration().isAuthorizationEnabled() || engine.getAuthorizationService()
                    .isUserAuthorized(userId, groupIds, Permissions.ACCESS, Resources.APPLICATION, app)) {
                apps.add(app);
            }
        }
        login.setAuthorizedApps(apps);
        return login;
    }

    @Override
    protected String extractEngineName(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/camunda/")) {
            return engineName;
        }
        return super.extractEngineName(request);
    }
}
