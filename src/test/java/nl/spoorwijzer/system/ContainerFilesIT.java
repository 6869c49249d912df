package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of docker/ without a Docker engine (none runs where CI runs): the Dockerfile copies exactly
 * the jar the build produced, the compose file parses and wires PostgreSQL, two nodes and the load balancer with the
 * environment variables the postgres profile reads, and the load balancer points at the compose services.
 */
class ContainerFilesIT {

    static final Path DOCKER = Path.of("docker");

    @Test
    void theDockerfileCopiesTheJarTheBuildProduced() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        Matcher copy = Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+(\\S+)$").matcher(dockerfile);
        assertThat(copy.find()).as("a COPY line").isTrue();
        Path source = Path.of(copy.group(1));
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + source.getFileName());
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(source.getParent())) {
            files.forEach(file -> {
                if (glob.matches(file.getFileName())) {
                    matches.add(file.toAbsolutePath().normalize());
                }
            });
        }
        assertThat(matches).as("files matching %s", source).containsExactly(Path.of(System.getProperty("spoorwijzer.jar")).toAbsolutePath().normalize());
        assertThat(dockerfile).contains("USER spoorwijzer").contains("HEALTHCHECK")
                .contains("/actuator/health/readiness").contains("MaxRAMPercentage");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsPostgresTwoNodesAndALoadBalancerWithTheVariablesThePostgresProfileReads() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsOnlyKeys("postgres", "node-1", "node-2", "lb", "keycloak");

        Set<String> profileVariables = placeholders(Files.readString(
                Path.of("src/main/resources/application-postgres.yaml")));
        // The oidc profile's variables without a default (the claim names default to what the realm writes).
        Matcher oidc = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(Files.readString(
                Path.of("src/main/resources/application-oidc.yaml")));
        while (oidc.find()) {
            profileVariables.add(oidc.group(1));
        }
        for (String node : List.of("node-1", "node-2")) {
            Map<String, Object> service = (Map<String, Object>) services.get(node);
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat(environment).as(node)
                    .containsEntry("SPRING_PROFILES_ACTIVE", "${SPOORWIJZER_PROFILES:-postgres,oidc}")
                    .containsKey("CAMUNDA_BPM_ADMINUSER_PASSWORD")
                    .containsEntry("SPOORWIJZER_OIDC_ISSUER_URI", "http://localhost:8180/realms/spoorwijzer");
            Set<String> required = new LinkedHashSet<>(profileVariables);
            required.removeIf(variable -> variable.equals("SPOORWIJZER_DB_POOL_SIZE")); // has a default
            assertThat(environment.keySet()).as(node).containsAll(required);
            assertThat(((Map<String, Object>) service.get("build")).get("dockerfile")).isEqualTo("docker/Dockerfile");
        }
        String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
        assertThat(nginx).contains("server node-1:8080").contains("server node-2:8080").contains("ip_hash");
        assertThat((List<String>) ((Map<String, Object>) services.get("lb")).get("volumes"))
                .anyMatch(volume -> volume.startsWith("./nginx.conf:"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsKeycloakWithTheRealmAndItsSecretsFromTheEnvironment() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        Map<String, Object> keycloak = (Map<String, Object>) ((Map<String, Object>) compose.get("services"))
                .get("keycloak");
        assertThat((List<String>) keycloak.get("command")).contains("--import-realm");
        assertThat((List<String>) keycloak.get("volumes")).anyMatch(volume -> volume.startsWith(
                "./keycloak/spoorwijzer-realm.json:/opt/keycloak/data/import/"));
        assertThat(Files.exists(DOCKER.resolve("keycloak/spoorwijzer-realm.json"))).isTrue();
        Map<String, Object> environment = (Map<String, Object>) keycloak.get("environment");
        String realm = Files.readString(DOCKER.resolve("keycloak/spoorwijzer-realm.json"));
        Matcher secret = Pattern.compile("\"secret\"\\s*:\\s*\"\\$\\{([A-Z_]+)}\"").matcher(realm);
        int secrets = 0;
        while (secret.find()) {
            assertThat(environment).as("Keycloak's environment").containsKey(secret.group(1));
            secrets++;
        }
        assertThat(secrets).as("client secrets in the realm, each a placeholder").isEqualTo(2);
    }

    /**
     * Browsers reach Keycloak at localhost:8180, the nodes at keycloak:8080: Keycloak writes the browsers' address
     * in its tokens and browser-facing endpoints and answers the nodes with endpoints at theirs; the nodes read its
     * discovery document and keys there and still check tokens against the browsers' issuer. The load balancer
     * passes the port the browser used, so the sign-in's redirect URI is the one registered at Keycloak.
     */
    @Test
    @SuppressWarnings("unchecked")
    void browsersAndNodesEachReachKeycloakAtTheirOwnAddress() throws IOException {
        Map<String, Object> services = (Map<String, Object>) ((Map<String, Object>) new Yaml().load(
                Files.readString(DOCKER.resolve("compose.yaml")))).get("services");
        List<String> command = (List<String>) ((Map<String, Object>) services.get("keycloak")).get("command");
        assertThat(command).contains("--hostname=http://localhost:8180", "--hostname-backchannel-dynamic=true");
        assertThat((List<String>) ((Map<String, Object>) services.get("keycloak")).get("ports"))
                .anyMatch(port -> port.startsWith("127.0.0.1:8180:8080"));
        for (String node : List.of("node-1", "node-2")) {
            Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get(node))
                    .get("environment");
            assertThat(environment).as(node)
                    .containsEntry("SPOORWIJZER_OIDC_ISSUER_URI", "http://localhost:8180/realms/spoorwijzer")
                    .containsEntry("SPOORWIJZER_OIDC_PROVIDER_URI", "http://keycloak:8080/realms/spoorwijzer")
                    .containsEntry("SPOORWIJZER_OIDC_JWK_SET_URI",
                            "http://keycloak:8080/realms/spoorwijzer/protocol/openid-connect/certs");
        }
        assertThat(Files.readString(DOCKER.resolve("nginx.conf"))).contains("proxy_set_header Host $http_host;")
                .contains("proxy_set_header X-Forwarded-Port $browser_port;")
                // the client's own forwarding headers are replaced or dropped, never passed on to the nodes
                .contains("proxy_set_header X-Forwarded-For $remote_addr;")
                .contains("proxy_set_header X-Forwarded-Host \"\";").contains("proxy_set_header Forwarded \"\";")
                .doesNotContain("$proxy_add_x_forwarded_for");
        assertThat(Files.readString(DOCKER.resolve("keycloak/spoorwijzer-realm.json")))
                .contains("\"http://localhost:8080/login/oauth2/code/spoorwijzer\"");
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>").matcher(pom);
        assertThat(version.find()).isTrue();
        assertThat((String) ((Map<String, Object>) services.get("keycloak")).get("image"))
                .as("compose runs the Keycloak the tests run")
                .isEqualTo("quay.io/keycloak/keycloak:" + version.group(1));
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Z_]+)(?::[^}]*)?}").matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
