package nl.spoorwijzer.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import nl.spoorwijzer.SpoorwijzerApplication;
import nl.spoorwijzer.support.EmbeddedPostgresEnvironment;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The demo is apart from production: its beans exist only in the {@code demo} profile, and playing the demo cases
 * (which moves the engine's global clock) is over before the web server accepts its first request.
 *
 * <p>Each test starts the platform itself, on an in-memory database and a process engine name of its own, so the
 * demo cases stay out of the database the other tests share and Camunda's JVM-wide "default" engine stays theirs;
 * and without Camunda's webapps, whose runtime delegates are JVM-wide too (closing a platform with them would leave
 * the other tests' Tasklist without an engine).
 * Not in the PostgreSQL pass: there every context is forced onto the {@code demo,postgres} profiles and one shared
 * database.
 */
@DisabledIfSystemProperty(named = EmbeddedPostgresEnvironment.SWITCH, matches = "postgres",
        disabledReason = "starts its own platforms on H2 with its own profiles")
class DemoProfileIT {

    private static final String DEMO_PACKAGE = DemoCases.class.getPackageName();
    private static final String WEBAPPS =
            "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration";
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** How far the engine clock may be from the real one and still be "real": far below the demo's day steps. */
    private static final Duration REAL = Duration.ofMinutes(1);

    @Test
    void aProductionProfileHasNoDemoBeansUsersOrCases() {
        try (ConfigurableApplicationContext platform = start(new SpringApplicationBuilder(), "production",
                "--server.port=0", "--camunda.bpm.admin-user.password=" + UUID.randomUUID(),
                "--spoorwijzer.security.local-passwords-allowed=true")) {
            assertThat(demoBeans(platform)).as("beans of " + DEMO_PACKAGE).isEmpty();
            IdentityService identity = platform.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().userId("anna").count()).as("demo user anna").isZero();
            assertThat(identity.createTenantQuery().count()).as("demo employers").isZero();
            assertThat(demoCases(platform)).as("demo cases").isZero();
        }
    }

    @Test
    void theDemoIsPlayedBeforeTheWebServerAcceptsRequestsAndRequestsSeeTheRealDate() {
        WebServerStart serverStart = new WebServerStart();
        try (ConfigurableApplicationContext platform = start(new SpringApplicationBuilder().listeners(serverStart),
                "demo", "--server.port=0")) {
            assertThat(demoBeans(platform)).contains(DemoCases.class.getName(), DemoIdentities.class.getName());
            assertThat(serverStart.demoCases).as("demo cases played when the web server started")
                    .isEqualTo(DemoCases.CASES.size());
            assertThat(serverStart.clockOffset).as("engine clock vs. real time when the web server started")
                    .isLessThan(REAL);
            assertThat(platform.getBean(IdentityService.class).createUserQuery().userId("anna").count()).isOne();

            // What the moved clock refused: a sick report of today "in the future", sent while the demo was playing.
            HttpTestClient http = new HttpTestClient(
                    ((ServletWebServerApplicationContext) platform).getWebServer().getPort());
            String today = LocalDate.now(AMSTERDAM).toString();
            HttpResponse<String> sickReport = http.post("/api/cases", """
                    {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s"}""".formatted(today),
                    "anna", "anna");
            assertThat(sickReport.statusCode()).as(sickReport.body()).isEqualTo(201);
            String caseId = readCaseId(sickReport.body());
            Instant started = platform.getBean(HistoryService.class).createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(caseId).singleResult().getStartTime().toInstant();
            assertThat(started).as("the case started at the real time")
                    .isCloseTo(Instant.now(), within(REAL.toSeconds(), ChronoUnit.SECONDS));
        }
    }

    private static String readCaseId(String body) {
        try {
            return new ObjectMapper().readTree(body).path("caseId").asText();
        } catch (IOException e) {
            throw new AssertionError(body, e);
        }
    }

    /**
     * Starts the platform in the given profile with demo cases switched on (the tests' configuration switches them
     * off). Settings as command-line arguments: they win over the tests' config/application.yaml.
     */
    private static ConfigurableApplicationContext start(SpringApplicationBuilder builder, String profile,
                                                        String... arguments) {
        String name = "demoprofile" + UUID.randomUUID().toString().replace("-", "");
        List<String> all = new ArrayList<>(List.of("--spring.profiles.active=" + profile,
                "--spring.datasource.url=jdbc:h2:mem:" + name,
                "--camunda.bpm.process-engine-name=" + name,
                "--spoorwijzer.demo.cases=true",
                "--spring.autoconfigure.exclude=" + WEBAPPS,
                "--spring.main.banner-mode=off"));
        all.addAll(List.of(arguments));
        return builder.sources(SpoorwijzerApplication.class).run(all.toArray(String[]::new));
    }

    private static List<String> demoBeans(ApplicationContext context) {
        return Arrays.stream(context.getBeanDefinitionNames())
                .map(context::getType).filter(Objects::nonNull)
                .map(type -> ClassUtils.getUserClass(type).getName())
                .filter(type -> type.startsWith(DEMO_PACKAGE + "."))
                .toList();
    }

    private static long demoCases(ApplicationContext context) {
        return context.getBean(HistoryService.class).createHistoricProcessInstanceQuery()
                .processDefinitionKey("poortwachter").processInstanceBusinessKeyLike("DEMO-%").count();
    }

    /** What the platform looked like at the moment its web server started accepting requests. */
    private static final class WebServerStart implements ApplicationListener<ServletWebServerInitializedEvent> {

        private long demoCases = -1;
        private Duration clockOffset;

        @Override
        public void onApplicationEvent(ServletWebServerInitializedEvent event) {
            demoCases = demoCases(event.getApplicationContext());
            clockOffset = Duration.ofMillis(Math.abs(ClockUtil.getCurrentTime().getTime()
                    - System.currentTimeMillis()));
        }
    }
}
