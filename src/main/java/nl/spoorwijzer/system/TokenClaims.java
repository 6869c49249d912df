package nl.spoorwijzer.system;

import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Maps a validated token's claims to the engine caller, at every request (no copy of the provider's users is kept,
 * so nothing needs a nightly sync): the user id, the role groups, the organisation and the employers (tenants).
 * <ul>
 *   <li>The organisation claim names either an employer — a tenant, the caller then works for it — or an
 *       organisation serving employers (an arbodienst, a re-integratiebedrijf): a Camunda group the caller acts in,
 *       whose contracts with employers stay where they are kept now, its tenant memberships in Camunda Admin.</li>
 *   <li>Groups are the platform's role groups (and Camunda's administrators' group) the provider names; any other
 *       id is dropped. Tenants are taken as ids; the provider decides them (its administrators decide who works
 *       for which employer, and who is an administrator). Engine authorizations stay the one access policy.</li>
 * </ul>
 * A user id that is a local technical account's ({@link LocalPasswordPolicy}) is refused, and the technical
 * accounts' group is never one of the caller's groups.
 * <p>
 * The user needs no row in Camunda's user table: authorizations are per group, per tenant and per user id (a
 * task's assignee, a case party), and names fall back to the user id where the directory has none.
 */
class TokenClaims implements Converter<Jwt, AbstractAuthenticationToken> {

    /** The types of the platform's role groups (identity/RoleSetup) and of Camunda's administrators' group. */
    static final Set<String> ROLE_TYPES = Set.of("WORKFLOW", "SYSTEM");
    private static final Logger LOG = LoggerFactory.getLogger(TokenClaims.class);

    private final TokenLoginSettings settings;
    private final IdentityService identityService;

    TokenClaims(TokenLoginSettings settings, IdentityService identityService) {
        this.settings = settings;
        this.identityService = identityService;
    }

    @Override
    public TokenCaller convert(Jwt token) {
        Identity identity = identity(token.getClaims());
        if (identity == null) {
            throw new InvalidBearerTokenException("token without the user id claim " + settings.userIdClaim());
        }
        return new TokenCaller(token, identity.userId(), identity.groupIds(), identity.tenantIds());
    }

    /**
     * The engine caller the claims name — of an access token, or of the ID token and user info of a browser
     * sign-in ({@link WebLoginConfiguration}) — or null without a user id.
     *
     * @throws OAuth2AuthenticationException when the user id is a local technical account's
     */
    Identity identity(Map<String, Object> claims) {
        Object userIdValue = claims.get(settings.userIdClaim());
        String userId = userIdValue instanceof String text ? text.trim() : null;
        if (userId == null || userId.isEmpty()) {
            return null;
        }
        String technicalAccounts = settings.technicalAccountsGroup();
        if (LocalPasswordPolicy.isTechnicalAccount(identityService, technicalAccounts, userId)) {
            // Otherwise a person at the provider with the id of, say, Modeler's deploy account would act with its
            // grants, and an account that signs in with a password only would pass for one with two factors.
            LOG.warn("Sign-in refused: the user id '{}' at the identity provider is a local technical account (member"
                    + " of '{}'); give the person another id at the provider", LoginThrottle.printable(userId),
                    technicalAccounts);
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED,
                    "the user id is a local technical account's", null));
        }
        Set<String> claimed = new LinkedHashSet<>();
        for (String group : values(claims, settings.groupsClaim())) {
            // Keycloak's group mapper writes a top-level group's path ("/werkgever") unless told otherwise; a
            // subgroup's path ("/acme-bouw/werkgever") names another group and is not shortened to its last part.
            claimed.add(group.startsWith("/") && group.indexOf('/', 1) < 0 ? group.substring(1) : group);
        }
        claimed.remove(technicalAccounts); // never a person's group, whatever its type
        Set<String> groups = new LinkedHashSet<>(existing(claimed, ROLE_TYPES::contains));
        Set<String> tenants = new LinkedHashSet<>(values(claims, settings.tenantsClaim()));
        for (String organisation : values(claims, settings.organisationClaim())) {
            if (organisation.equals(technicalAccounts)) {
                continue;
            }
            if (identityService.createTenantQuery().tenantId(organisation).count() > 0) {
                tenants.add(organisation);
            } else if (!existing(Set.of(organisation), type -> type != null && !ROLE_TYPES.contains(type))
                    .isEmpty()) {
                // an organisation that serves employers (its group's type is arbodienst, re-integratiebedrijf, …)
                groups.add(organisation);
                identityService.createTenantQuery().groupMember(organisation).list().stream().map(Tenant::getId)
                        .forEach(tenants::add);
            }
        }
        return new Identity(userId, List.copyOf(groups), List.copyOf(tenants));
    }

    /** Who the claims say the caller is, as the engine authenticates it. */
    record Identity(String userId, List<String> groupIds, List<String> tenantIds) implements Serializable {
    }

    /**
     * The claimed group ids that are groups of the platform of an accepted type: a role (or the administrators) from
     * the groups claim, an organisation from the organisation claim — so that neither claim can stand in for the
     * other (an organisation attribute set to "camunda-admin" grants nothing) and an unknown id is dropped.
     */
    private List<String> existing(Set<String> ids, Predicate<String> acceptedType) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return identityService.createGroupQuery().groupIdIn(ids.toArray(String[]::new)).list().stream()
                .filter(group -> acceptedType.test(group.getType())).map(Group::getId).toList();
    }

    /** A claim as a list of non-blank strings: absent → none, a string → one, an array → each string in it. */
    private static List<String> values(Map<String, Object> claims, String claim) {
        Object value = claim == null || claim.isBlank() ? null : claims.get(claim);
        Collection<?> items = value instanceof Collection<?> list ? list : value == null ? List.of() : List.of(value);
        return items.stream().filter(String.class::isInstance).map(item -> ((String) item).trim())
                .filter(item -> !item.isEmpty()).toList();
    }
}
