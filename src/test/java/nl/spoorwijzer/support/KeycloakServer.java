package nl.spoorwijzer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak — the distribution Maven unpacks into {@code target/keycloak} ({@code keycloak.home}, see the
 * pom) — in a process of its own, with a realm file imported at start ({@code start-dev --import-realm}, an
 * in-memory store, so every start imports afresh). It listens on 127.0.0.1 at a free port and writes
 * {@code http://localhost:<port>} in its tokens, as the browser-facing address, while a request at
 * {@code http://127.0.0.1:<port>} gets the token, keys and user-info endpoints at that address (hostname v2 with a
 * dynamic backchannel): the same split as docker/compose.yaml's {@code localhost:8180} and {@code keycloak:8080}.
 * Stopped by {@link #close()} and, should the test JVM end first, by a shutdown hook.
 */
public final class KeycloakServer implements AutoCloseable {

    /** How long the start may take: the first start of an unpacked distribution also builds it (about 20 s). */
    private static final Duration READY_WITHIN = Duration.ofSeconds(Long.getLong("keycloak.ready-seconds", 240));

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread stopAtExit;

    private KeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.stopAtExit = new Thread(this::stop, "keycloak-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * Starts Keycloak with the realm file and the environment its placeholders read; returns at once — call
     * {@link #awaitRealm(String)} before using it.
     */
    public static KeycloakServer start(Path realmFile, Map<String, String> environment) throws IOException {
        Path home = home();
        Path imports = home.resolve("data").resolve("import");
        Files.createDirectories(imports);
        try (var old = Files.list(imports)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Files.copy(realmFile, imports.resolve(realmFile.getFileName()));
        int port = freePort();
        Path log = home.resolve("keycloak-it.log");
        ProcessBuilder builder = new ProcessBuilder("sh", home.resolve("bin").resolve("kc.sh").toString(),
                "start-dev", "--import-realm", "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + freePort(), "--hostname=http://localhost:" + port,
                "--hostname-backchannel-dynamic=true")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", secret());
        builder.environment().putAll(environment);
        return new KeycloakServer(builder.start(), port, log);
    }

    private static Path home() {
        String home = System.getProperty("keycloak.home");
        if (home == null || !Files.isRegularFile(Path.of(home, "bin", "kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at keycloak.home=" + home + ": `mvn verify` "
                    + "unpacks it (maven-dependency-plugin, execution keycloak), or run "
                    + "`mvn dependency:unpack@keycloak` once before running this test alone");
        }
        return Path.of(home).toAbsolutePath();
    }

    /** A random secret for a client or the admin, new at every start. */
    public static String secret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Waits until the realm's discovery document answers; fails with the end of Keycloak's log otherwise. */
    public void awaitRealm(String realm) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(backchannelIssuer(realm)
                + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped (exit " + process.exitValue() + "):\n" + logTail());
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            TimeUnit.MILLISECONDS.sleep(500); // polling a process's readiness, not timing the code under test
        }
        throw new IllegalStateException("Keycloak not ready within " + READY_WITHIN + ":\n" + logTail());
    }

    /** The issuer as browsers reach Keycloak and as its tokens name it. */
    public String issuer(String realm) {
        return "http://localhost:" + port + "/realms/" + realm;
    }

    /** The same realm at the address the platform reaches Keycloak at (the backchannel). */
    public String backchannelIssuer(String realm) {
        return "http://127.0.0.1:" + port + "/realms/" + realm;
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    /** kc.sh runs Keycloak's JVM as its child: both end, the JVM first. */
    private void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                child.destroyForcibly();
            }
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
