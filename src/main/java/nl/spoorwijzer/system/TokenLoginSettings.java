package nl.spoorwijzer.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in through the organisation's identity provider (OpenID Connect): which issuer's tokens {@code /api} and
 * {@code /engine-rest} accept, and which claims say who the caller is. Off while {@code issuer-uri} is empty (the
 * embedded default: local users, HTTP Basic); the {@code oidc} profile sets it from {@code SPOORWIJZER_OIDC_ISSUER_URI}.
 *
 * @param issuerUri         the provider's issuer (its {@code /.well-known/openid-configuration} is read for the keys);
 *                          a token from any other issuer is refused
 * @param jwkSetUri         where to read the issuer's keys instead of from its discovery document, for a provider
 *                          the platform reaches at another address than the issuer it writes in its tokens (Keycloak
 *                          in docker compose); the issuer is checked all the same
 * @param audience          when set, a token must name it in {@code aud} (the platform's client id at the provider)
 * @param userIdClaim       the claim holding the user id, the same id as a case's employee or a task's assignee
 * @param groupsClaim       the claim listing the caller's roles as Camunda group ids (werkgever, bedrijfsarts, …)
 * @param organisationClaim the claim naming the caller's organisation: an employer (a tenant) or an organisation that
 *                          serves employers (a group, e.g. an arbodienst, whose employers are kept in Camunda Admin)
 * @param tenantsClaim      the claim listing the employers (tenant ids) the caller works for
 * @param technicalAccountsGroup the Camunda group of the local technical accounts (Camunda Modeler's deploy account,
 *                          other systems): with the provider on, only its members still sign in with a local password
 *                          ({@link LocalPasswordPolicy}), and no token or browser sign-in may use a member's user
 *                          id; null when set empty (no technical accounts)
 * @param providerUri       where the platform reads the provider's discovery document for the browser sign-in
 *                          (and so its token and user-info endpoints), when it reaches the provider at another address
 *                          than the browser-facing issuer (Keycloak in docker compose: {@code http://keycloak:8080/...}
 *                          with the issuer {@code http://localhost:8180/...}); empty: the issuer. The document must
 *                          still name {@code issuerUri} as its issuer, and tokens are checked against it
 */
@ConfigurationProperties("spoorwijzer.security.oidc")
public record TokenLoginSettings(String issuerUri,
                                 String jwkSetUri,
                                 String audience,
                                 @DefaultValue("preferred_username") String userIdClaim,
                                 @DefaultValue("groups") String groupsClaim,
                                 @DefaultValue("organisation") String organisationClaim,
                                 @DefaultValue("tenants") String tenantsClaim,
                                 @DefaultValue(DEFAULT_TECHNICAL_ACCOUNTS_GROUP) String technicalAccountsGroup,
                                 String providerUri) {

    static final String ISSUER_PROPERTY = "spoorwijzer.security.oidc.issuer-uri";
    static final String DEFAULT_TECHNICAL_ACCOUNTS_GROUP = "technische-accounts";

    public TokenLoginSettings {
        // Set empty: no technical accounts at all (with the provider on, then no local password counts).
        technicalAccountsGroup = technicalAccountsGroup == null || technicalAccountsGroup.isBlank() ? null
                : technicalAccountsGroup.trim();
    }

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
