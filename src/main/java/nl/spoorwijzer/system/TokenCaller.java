package nl.spoorwijzer.system;

import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A caller signed in with a bearer token: the engine authentication (user, groups, tenants) its claims map to. Lives
 * in Spring Security's context for one request; {@link ApiAuthenticationFilter} and
 * {@link EngineRestAuthenticationProvider} make it the engine's current authentication.
 */
public final class TokenCaller extends AbstractAuthenticationToken {

    private final Jwt token;
    private final String userId;
    private final List<String> groupIds;
    private final List<String> tenantIds;

    TokenCaller(Jwt token, String userId, List<String> groupIds, List<String> tenantIds) {
        super(Set.of());
        this.token = token;
        this.userId = userId;
        this.groupIds = List.copyOf(groupIds);
        this.tenantIds = List.copyOf(tenantIds);
        setAuthenticated(true);
    }

    public String userId() {
        return userId;
    }

    public List<String> groupIds() {
        return groupIds;
    }

    public List<String> tenantIds() {
        return tenantIds;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return userId;
    }

    @Override
    public String getName() {
        return userId;
    }
}
