package nl.spoorwijzer.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The browser sign-in through the organisation's identity provider (OpenID Connect, authorization code with PKCE) for
 * Tasklist, Cockpit, Admin and the platform's own pages: the platform's client at the provider. On when both the
 * issuer ({@link TokenLoginSettings}) and the client id are set — the {@code oidc} profile; otherwise the webapps keep
 * Camunda's login form.
 *
 * @param clientId              the platform's client id at the provider
 * @param clientSecret          its secret; empty for a public client (PKCE alone)
 * @param postLogoutRedirectUri where the provider sends the browser after signing out ({@code {baseUrl}} is the
 *                              address the platform was reached at); must be registered at the provider
 */
@ConfigurationProperties("spoorwijzer.security.oidc")
public record WebLoginSettings(String clientId,
                               String clientSecret,
                               @DefaultValue("{baseUrl}/camunda/app/tasklist/") String postLogoutRedirectUri) {

    /** The registration id, the last part of the redirect URI {@code {baseUrl}/login/oauth2/code/spoorwijzer}. */
    static final String REGISTRATION_ID = "spoorwijzer";
    static final String ENABLED = "'${spoorwijzer.security.oidc.issuer-uri:}'.trim() != ''"
            + " and '${spoorwijzer.security.oidc.client-id:}'.trim() != ''";
}
