package nl.spoorwijzer.system;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who calls {@code /engine-rest}: the caller of a bearer token accepted in front of it ({@link TokenCaller}, with the
 * groups and tenants from its claims, not from Camunda's tables), otherwise HTTP Basic against Camunda's users as
 * before (with the identity provider on, only a technical account's password counts: {@link LocalPasswordPolicy},
 * in the engine's password check). Camunda's {@code ProcessEngineAuthenticationFilter} makes the answer the engine's
 * authentication for the request and clears it afterwards.
 */
public class EngineRestAuthenticationProvider extends HttpBasicAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof TokenCaller caller) {
            AuthenticationResult result = AuthenticationResult.successful(caller.userId());
            result.setGroups(caller.groupIds());
            result.setTenants(caller.tenantIds());
            return result;
        }
        return super.extractAuthenticatedUser(request, engine);
    }
}
