package nl.spoorwijzer.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the person signed in through the identity provider to Camunda's webapps: Camunda's
 * {@code ContainerBasedAuthenticationFilter} asks this provider on every webapp request and, when the session has no
 * login for the engine yet, makes the result the session's login — user id, groups and tenants from the token's
 * claims, so the engine authorizations decide as for a local user. Spring Security's filter chain
 * ({@link WebLoginConfiguration}) runs first and has put the signed-in user in its context. Instantiated by Camunda's
 * filter (init parameter {@code authentication-provider}), hence public with a no-argument constructor.
 */
public class WebappContainerAuthentication implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(user.userId());
        result.setGroups(user.groupIds());
        result.setTenants(user.tenantIds());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Not signed in: Spring Security's entry point has already sent the browser to the provider.
    }
}
