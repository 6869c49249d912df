package nl.spoorwijzer.system;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The provider's user after a browser sign-in (ID token and user info, checked by Spring Security) with the engine
 * caller its claims map to — the same mapping as for a bearer token ({@link TokenClaims}). A sign-in without the
 * user id claim is refused.
 */
final class SignedInUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final TokenClaims claims;

    SignedInUsers(TokenClaims claims) {
        this.claims = claims;
        provider.setOauth2UserService(ProviderCalls.userInfo());
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        TokenClaims.Identity identity = claims.identity(user.getClaims());
        if (identity == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info",
                    "the provider's user has no user id claim", null));
        }
        return new SignedInUser(user, identity);
    }
}
