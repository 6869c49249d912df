package nl.spoorwijzer.system;

import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in in the browser through the identity provider: the provider's user and the engine caller its
 * claims map to ({@link TokenClaims}, the same mapping as for a bearer token). Kept in the HTTP session by Spring
 * Security; {@link WebappContainerAuthentication} hands it to Camunda's webapps, {@link ApiAuthenticationFilter} to
 * {@code /api}.
 */
public final class SignedInUser extends DefaultOidcUser {

    private final TokenClaims.Identity identity;

    SignedInUser(OidcUser user, TokenClaims.Identity identity) {
        super(Set.of(), user.getIdToken(), user.getUserInfo());
        this.identity = identity;
    }

    public String userId() {
        return identity.userId();
    }

    public List<String> groupIds() {
        return identity.groupIds();
    }

    public List<String> tenantIds() {
        return identity.tenantIds();
    }

    @Override
    public String getName() {
        return identity.userId();
    }
}
