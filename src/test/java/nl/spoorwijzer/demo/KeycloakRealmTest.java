package nl.spoorwijzer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import nl.spoorwijzer.identity.Role;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Keycloak realm of docker/ (no Docker engine where the tests run, so its import file is checked as data): every
 * demo user with the role, organisation and employers it has in the embedded platform, a second factor (OTP) that
 * no way of logging in skips, and protocol mappers that write exactly the claims the {@code oidc} profile reads.
 */
class KeycloakRealmTest {

    static final Path REALM = Path.of("docker", "keycloak", "spoorwijzer-realm.json");
    static final Path OIDC_PROFILE = Path.of("src", "main", "resources", "application-oidc.yaml");
    static JsonNode realm;
    static Map<String, String> profile;

    @BeforeAll
    static void read() throws IOException {
        realm = new ObjectMapper().readTree(Files.readString(REALM));
        profile = oidcProfileDefaults();
    }

    @Test
    void everyDemoUserHasItsRoleOrganisationAndEmployersAndMustSetUpOtp() {
        for (DemoIdentities.DemoUser demo : DemoIdentities.USERS) {
            JsonNode user = user(demo.id());
            assertThat(user.isMissingNode()).as("realm user %s", demo.id()).isFalse();
            assertThat(user.path("enabled").asBoolean()).as(demo.id()).isTrue();
            assertThat(texts(user.path("groups"))).as("roles of %s", demo.id())
                    .containsExactly("/" + demo.role().groupId());
            assertThat(texts(user.path("requiredActions"))).as(demo.id()).contains("CONFIGURE_TOTP");
            assertThat(user.path("credentials").get(0).path("type").asText()).isEqualTo("password");

            List<String> tenants = new ArrayList<>(demo.tenants());
            String organisation = demo.organisation() != null ? demo.organisation()
                    : tenants.size() == 1 ? tenants.remove(0) : null;
            JsonNode attributes = user.path("attributes");
            assertThat(organisation == null ? List.of() : List.of(organisation)).as("organisation of %s", demo.id())
                    .isEqualTo(texts(attributes.path("organisation")));
            assertThat(texts(attributes.path("tenants"))).as("employers of %s", demo.id())
                    .containsExactlyElementsOf(tenants);
        }
        for (String named : List.of("anna", "daan", "bram", "carla", "tim", "noor", "eva", "wim", "gert", "frank",
                "rosa", "hanna", "ivo")) {
            assertThat(user(named).isMissingNode()).as(named).isFalse();
        }
    }

    @Test
    void noRealmUserHasTheIdOfTheDemosTechnicalAccount() {
        // The platform refuses such a sign-in (system/LocalPasswordPolicy): it would act with Modeler's deploy grants.
        assertThat(user(DemoIdentities.MODELER_ACCOUNT.id()).isMissingNode()).isTrue();
    }

    @Test
    void theRealmsGroupsAreThePlatformsRolesAndTheAdministrators() {
        List<String> expected = new ArrayList<>(java.util.Arrays.stream(Role.values()).map(Role::groupId).toList());
        expected.add(Groups.CAMUNDA_ADMIN);
        assertThat(StreamSupport.stream(realm.path("groups").spliterator(), false)
                .map(group -> group.path("name").asText()).toList())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void oneAdministratorWithASecondFactorLikeEveryoneElse() {
        // With the provider on, the local admin's password no longer counts (system/LocalPasswordPolicy): the
        // try-out's administrator signs in at Keycloak.
        List<String> administrators = StreamSupport.stream(realm.path("users").spliterator(), false)
                .filter(user -> texts(user.path("groups")).contains("/" + Groups.CAMUNDA_ADMIN))
                .map(user -> user.path("username").asText()).toList();
        assertThat(administrators).containsExactly("beheerder");
        JsonNode beheerder = user("beheerder");
        assertThat(texts(beheerder.path("groups"))).containsExactly("/" + Groups.CAMUNDA_ADMIN);
        assertThat(texts(beheerder.path("requiredActions"))).contains("CONFIGURE_TOTP");
        assertThat(beheerder.path("attributes").path("organisation").isMissingNode()).isTrue();
    }

    @Test
    void everyBrowserLoginNeedsPasswordAndOneTimeCode() {
        assertThat(realm.path("otpPolicyType").asText()).isEqualTo("totp");
        assertThat(realm.path("otpPolicyDigits").asInt()).isEqualTo(6);
        JsonNode configureTotp = find(realm.path("requiredActions"), "alias", "CONFIGURE_TOTP");
        assertThat(configureTotp.path("enabled").asBoolean()).isTrue();
        assertThat(configureTotp.path("defaultAction").asBoolean()).as("new users must set up OTP too").isTrue();

        JsonNode browser = flow(realm.path("browserFlow").asText());
        assertThat(browser.path("topLevel").asBoolean()).isTrue();
        for (JsonNode step : browser.path("authenticationExecutions")) {
            if (!step.path("authenticatorFlow").asBoolean()) {
                // Outside the form only an existing session of this realm (which had both factors) lets one in.
                assertThat(step.path("authenticator").asText()).isEqualTo("auth-cookie");
                continue;
            }
            JsonNode forms = flow(step.path("flowAlias").asText());
            assertThat(requirements(forms)).containsEntry("auth-username-password-form", "REQUIRED")
                    .containsEntry("auth-otp-form", "REQUIRED").hasSize(2);
        }
        assertThat(requirements(flow(realm.path("directGrantFlow").asText())))
                .containsEntry("direct-grant-validate-otp", "REQUIRED");
    }

    @Test
    void theClientsWriteTheClaimsTheOidcProfileReads() {
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(id).isFalse();
            assertThat(texts(client.path("redirectUris"))).as("%s: exact redirect URIs, no wildcard", id)
                    .noneMatch(uri -> uri.contains("*"));
            assertThat(client.path("attributes").path("post.logout.redirect.uris").asText()).as(id)
                    .doesNotContain("*");
            assertThat(client.path("secret").asText()).as("%s: the secret comes from the environment", id)
                    .matches("\\$\\{[A-Z_]+}");
            JsonNode mappers = client.path("protocolMappers");
            JsonNode userId = claimMapper(mappers, profile.get("user-id-claim"));
            assertThat(userId.path("config").path("user.attribute").asText()).isEqualTo("username");
            JsonNode groups = claimMapper(mappers, profile.get("groups-claim"));
            assertThat(groups.path("protocolMapper").asText()).isEqualTo("oidc-group-membership-mapper");
            // The whole path ("/werkgever"): a subgroup named like a role ("/acme-bouw/camunda-admin", which a
            // delegated administrator at the provider could create) must not arrive as the role (system/TokenClaims).
            assertThat(groups.path("config").path("full.path").asText()).isEqualTo("true");
            JsonNode organisation = claimMapper(mappers, profile.get("organisation-claim"));
            assertThat(organisation.path("config").path("user.attribute").asText()).isEqualTo("organisation");
            JsonNode tenants = claimMapper(mappers, profile.get("tenants-claim"));
            assertThat(tenants.path("config").path("user.attribute").asText()).isEqualTo("tenants");
            assertThat(tenants.path("config").path("multivalued").asText()).isEqualTo("true");
            JsonNode audience = find(mappers, "protocolMapper", "oidc-audience-mapper");
            assertThat(audience.path("config").path("included.client.audience").asText())
                    .isEqualTo(profile.get("audience"));
            assertThat(audience.path("config").path("access.token.claim").asText()).isEqualTo("true");
        }
    }

    @Test
    void theUserProfileKeepsOrganisationAndEmployers() throws IOException {
        // Keycloak drops user attributes its user profile does not declare.
        String config = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0)
                .path("config").path("kc.user.profile.config").get(0).asText();
        JsonNode attributes = new ObjectMapper().readTree(config).path("attributes");
        assertThat(find(attributes, "name", "organisation").path("permissions").path("edit").toString())
                .isEqualTo("[\"admin\"]");
        assertThat(find(attributes, "name", "tenants").path("multivalued").asBoolean()).isTrue();
        assertThat(find(attributes, "name", "tenants").path("permissions").path("edit").toString())
                .isEqualTo("[\"admin\"]");
    }

    @Test
    void theModelerAccountIsAProcessOwnerServiceAccount() {
        JsonNode modeler = find(realm.path("clients"), "clientId", "spoorwijzer-modeler");
        assertThat(modeler.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(modeler.path("standardFlowEnabled").asBoolean()).isFalse();
        JsonNode account = find(realm.path("users"), "serviceAccountClientId", "spoorwijzer-modeler");
        assertThat(texts(account.path("groups"))).containsExactly("/" + Role.PROCESBEHEERDER.groupId());
    }

    private static JsonNode user(String username) {
        return find(realm.path("users"), "username", username);
    }

    private static JsonNode flow(String alias) {
        JsonNode flow = find(realm.path("authenticationFlows"), "alias", alias);
        assertThat(flow.isMissingNode()).as("flow %s", alias).isFalse();
        return flow;
    }

    private static Map<String, String> requirements(JsonNode flow) {
        Map<String, String> requirements = new java.util.LinkedHashMap<>();
        flow.path("authenticationExecutions").forEach(step -> requirements.put(step.path("authenticator").asText(),
                step.path("requirement").asText()));
        return requirements;
    }

    private static JsonNode claimMapper(JsonNode mappers, String claim) {
        for (JsonNode mapper : mappers) {
            if (claim.equals(mapper.path("config").path("claim.name").asText())) {
                assertThat(mapper.path("config").path("access.token.claim").asText()).as(claim).isEqualTo("true");
                return mapper;
            }
        }
        throw new AssertionError("no protocol mapper writes the claim " + claim);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).filter(JsonNode::isTextual).map(JsonNode::asText)
                .toList();
    }

    /** The defaults of the oidc profile's settings ({@code ${VARIABLE:default}}), by setting name. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> oidcProfileDefaults() throws IOException {
        Map<String, Object> yaml = new Yaml().load(Files.readString(OIDC_PROFILE));
        Map<String, Object> oidc = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                yaml.get("spoorwijzer")).get("security")).get("oidc");
        Map<String, String> defaults = new java.util.LinkedHashMap<>();
        Pattern placeholder = Pattern.compile("\\$\\{[A-Z_]+:(.*)}");
        oidc.forEach((name, value) -> {
            Matcher matcher = placeholder.matcher(String.valueOf(value));
            if (matcher.matches()) {
                defaults.put(name, matcher.group(1));
            }
        });
        return defaults;
    }
}
