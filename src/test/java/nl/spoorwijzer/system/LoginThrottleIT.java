package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.spoorwijzer.support.HttpTestClient;
import nl.spoorwijzer.support.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Password guessing is slowed per address (429 after the configured failures) and per account (the engine's capped
 * delay), the account is never locked for good, and every failure is logged and counted. Runs with the shipped
 * per-account delay (the other tests switch it off) and as if behind TLS. Client addresses come from
 * {@code X-Forwarded-For}, which Tomcat honours from the loopback proxy (server.forward-headers-strategy=native).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spoorwijzer.security.login.max-failures-per-address=20",
        "spoorwijzer.security.tls=true"})
@AutoConfigureObservability // Spring Boot switches metrics export off in tests unless asked
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleIT {

    private static final String TIMELINE = "/api/timeline?firstSickDay=2024-01-08";
    private static final int LIMIT = 20; // spoorwijzer.security.login.max-failures-per-address (the default)
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration ACCOUNT_LOCK_CAP = Duration.ofSeconds(60); // loginDelayMaxTime

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired ObjectMapper objectMapper;
    HttpTestClient http;
    Instant now;

    /**
     * The production back-off (application.yaml: 3 s base) for this class only, set on the engine and put back after
     * each test: Camunda's REST filter finds "the default engine" in a JVM-wide registry, so whichever test context
     * registered last serves every later test's /engine-rest logins (test configuration: no back-off).
     */
    @BeforeEach
    void setUp() {
        configuration().setLoginDelayBase(3);
        http = new HttpTestClient(port);
        now = Instant.now();
        ClockUtil.setCurrentTime(Date.from(now));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        configuration().setLoginDelayBase(0);
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private void advance(Duration duration) {
        now = now.plus(duration);
        ClockUtil.setCurrentTime(Date.from(now));
    }

    private HttpResponse<String> basic(String path, String address, String user, String password) {
        return http.send(http.request(path).header("X-Forwarded-For", address)
                .header("Authorization", HttpTestClient.basic(user, password)).GET().build());
    }

    @Test
    void manyWrongPasswordsFromOneAddressAreRefusedBeforeAnyPasswordCheckAndOtherAddressesStillGetIn(
            CapturedOutput output) throws Exception {
        TestUsers.ensureUserWithoutRights(identityService, "doelwit");
        String attacker = "203.0.113.10";
        double failuresBefore = metric("spoorwijzer_login_failures_total", "api", "bad-credentials")
                + metric("spoorwijzer_login_failures_total", "engine-rest", "bad-credentials");

        for (int attempt = 1; attempt <= LIMIT; attempt++) {
            String path = attempt % 2 == 0 ? TIMELINE : "/engine-rest/task"; // both APIs count alike
            assertThat(basic(path, attacker, "doelwit", "raden" + attempt).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = basic(TIMELINE, attacker, "doelwit", "raden-nog-eens");
        HttpResponse<String> rightPasswordFromAttacker = basic("/engine-rest/task", attacker, "doelwit", "doelwit");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(objectMapper.readTree(throttled.body()).path("status").asInt()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, WINDOW.toSeconds()));
        assertThat(throttled.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(rightPasswordFromAttacker.statusCode()).as("refused before the password is checked")
                .isEqualTo(429);
        assertThat(metric("spoorwijzer_login_failures_total", "api", "bad-credentials")
                + metric("spoorwijzer_login_failures_total", "engine-rest", "bad-credentials") - failuresBefore)
                .isEqualTo(LIMIT);
        assertThat(metric("spoorwijzer_login_throttled_total", "api", null)).isPositive();
        assertThat(output.getOut()).contains("Failed login for account 'doelwit' from " + attacker)
                .contains("Address " + attacker + " refused for logins").doesNotContain("raden");

        // The account itself is locked only briefly: once its lock has passed, another address gets in at once.
        advance(ACCOUNT_LOCK_CAP.plusSeconds(1));
        assertThat(basic(TIMELINE, "198.51.100.20", "doelwit", "doelwit").statusCode()).isEqualTo(200);
        assertThat(basic(TIMELINE, attacker, "doelwit", "doelwit").statusCode()).as("still inside the window")
                .isEqualTo(429);

        advance(WINDOW);
        assertThat(basic(TIMELINE, attacker, "doelwit", "doelwit").statusCode()).as("after the window")
                .isEqualTo(200);
    }

    @Test
    void wrongPasswordsSlowTheAccountDownButNeverLockItForGood() {
        TestUsers.ensureUserWithoutRights(identityService, "geduldig");
        int wrongPasswords = 15; // Camunda's default locks an account for good after 10

        for (int attempt = 1; attempt <= wrongPasswords; attempt++) {
            // From a different address each time, each after the previous lock has passed: every one counts for the account.
            assertThat(basic(TIMELINE, "192.0.2." + attempt, "geduldig", "fout").statusCode()).isEqualTo(401);
            advance(ACCOUNT_LOCK_CAP.plusSeconds(1));
        }
        assertThat(user("geduldig").getAttempts()).isEqualTo(wrongPasswords);

        assertThat(basic(TIMELINE, "192.0.2.100", "geduldig", "fout").statusCode()).isEqualTo(401);
        assertThat(basic(TIMELINE, "192.0.2.100", "geduldig", "geduldig").statusCode())
                .as("the right password is refused while the account's delay runs").isEqualTo(401);
        advance(ACCOUNT_LOCK_CAP.plusSeconds(1));
        assertThat(basic(TIMELINE, "192.0.2.100", "geduldig", "geduldig").statusCode()).isEqualTo(200);
        assertThat(user("geduldig").getAttempts()).isZero();
    }

    @Test
    void anAccountLockedForGoodByTheOldSettingsCanLogInAgain() {
        TestUsers.ensureUserWithoutRights(identityService, "vergrendeld");
        jdbc.update("UPDATE ACT_ID_USER SET ATTEMPTS_ = 50, LOCK_EXP_TIME_ = NULL WHERE ID_ = ?", "vergrendeld");

        assertThat(basic(TIMELINE, "192.0.2.200", "vergrendeld", "vergrendeld").statusCode()).isEqualTo(200);
    }

    @Test
    void webappLoginFailuresCountAndTheSessionCookieIsSecureBehindTls(CapturedOutput output) throws Exception {
        HttpResponse<String> page = http.send(http.request("/camunda/app/tasklist/default/")
                .header("X-Forwarded-Proto", "https").GET().build());
        String csrfToken = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        List<String> setCookies = page.headers().allValues("Set-Cookie");
        assertThat(setCookies).as("cookies of a TLS deployment").anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=")).allSatisfy(cookie ->
                assertThat(cookie).containsPattern("(?i);\\s*Secure(;|$)"));
        // Sent back by hand: a client keeps Secure cookies for https, and this test server speaks http.
        String cookies = setCookies.stream().map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .collect(Collectors.joining("; "));
        double before = metric("spoorwijzer_login_failures_total", "webapp", "bad-credentials");

        HttpResponse<String> wrong = http.send(webappLogin(csrfToken, cookies, "demo", "fout"));
        HttpResponse<String> unknown = http.send(webappLogin(csrfToken, cookies, "niemand", "fout"));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(metric("spoorwijzer_login_failures_total", "webapp", "bad-credentials") - before).isEqualTo(1);
        assertThat(metric("spoorwijzer_login_failures_total", "webapp", "unknown-account")).isPositive();
        assertThat(output.getOut()).contains("Failed login for account 'demo' from 198.51.100.99 over webapp")
                .doesNotContain("password=fout");

        advance(ACCOUNT_LOCK_CAP.plusSeconds(1));
        HttpResponse<String> right = http.send(webappLogin(csrfToken, cookies, "demo", "demo"));
        assertThat(right.statusCode()).isEqualTo(200);
    }

    private HttpRequest webappLogin(String csrfToken, String cookies, String user, String password) {
        return http.request("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("X-Forwarded-For", "198.51.100.99").header("X-XSRF-TOKEN", csrfToken)
                .header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build();
    }

    private UserEntity user(String id) {
        return (UserEntity) identityService.createUserQuery().userId(id).singleResult();
    }

    /** A counter from the Prometheus scrape, 0 when it has not been counted yet. */
    private double metric(String name, String channel, String reason) {
        String scrape = http.get("/actuator/prometheus").body();
        double sum = 0;
        Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)} ([0-9.Ee+-]+)$").matcher(scrape);
        while (line.find()) {
            String labels = line.group(1);
            if (labels.contains("channel=\"" + channel + "\"")
                    && (reason == null || labels.contains("reason=\"" + reason + "\""))) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }
}
