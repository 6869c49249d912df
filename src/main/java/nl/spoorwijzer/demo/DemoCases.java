package nl.spoorwijzer.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.spoorwijzer.process.EmployerProtocol;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * About ten demo cases at different stages, so a newcomer finds a populated Tasklist on first start. Each case is
 * played forward from its first sick day with simulated people completing their tasks on time, except the tasks
 * the case is meant to be waiting at; the escalations of deadlines those miss are left open too. Each case is
 * created once (by its id {@code DEMO-…}); a restart plays only the cases that are missing.
 *
 * <p>Playing moves the engine's clock, which is global: every request would see the demo's date (a sick report of
 * today "lies in the future"). So the cases are played while the application context starts its lifecycle beans,
 * in a phase before Spring Boot's web server starts (and before the job executor, which the Camunda starter starts
 * when the application is ready), and the clock is real again before this returns: no request is served while the
 * clock is moved. This is before the demo users, groups and tenants exist (application runners, after the web
 * server), except the employers and the organisations that serve them, which decide where the cases' tasks go: the
 * cases are played without a logged-in user.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "spoorwijzer.demo.cases", havingValue = "true", matchIfMissing = true)
class DemoCases implements SmartLifecycle {

    /** Spring Boot starts the web server in phase {@code SmartLifecycle.DEFAULT_PHASE - 2048}; this is well before. */
    static final int PHASE = 0;

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    private static final String ESCALATION = ProcessKeys.Tasks.TERMIJN_OVERSCHREDEN_AFHANDELEN;

    /** A demo case: its employee and employer, how many days ago it started, and where it waits. */
    record DemoCase(String id, String employee, String employer, int daysAgo, Set<String> waitsAt,
                    Map<String, Map<String, Object>> answers) {
        DemoCase(String id, String employee, String employer, int daysAgo, String... waitsAt) {
            this(id, employee, employer, daysAgo, Set.of(waitsAt), Map.of());
        }
    }

    static final List<DemoCase> CASES = List.of(
            new DemoCase("DEMO-01", "bram", DemoIdentities.ACME, 3, "ziekmeldingDoorgeven"),
            new DemoCase("DEMO-02", "carla", DemoIdentities.ZORGGROEP, 30, "probleemanalyseOpstellen"),
            new DemoCase("DEMO-03", "piet", DemoIdentities.ACME, 50, "probleemanalyseOpstellen"),
            new DemoCase("DEMO-04", "sanne", DemoIdentities.ZORGGROEP, 70, "planVanAanpakOpstellen"),
            new DemoCase("DEMO-05", "ingrid", DemoIdentities.ZORGGROEP, 100, Set.of("verzuimMonitoren"),
                    Map.of("probleemanalyseOpstellen", Map.of("dreigendLangdurigVerzuim", "nee"))),
            new DemoCase("DEMO-06", "joris", DemoIdentities.ACME, 150),
            new DemoCase("DEMO-07", "lisa", DemoIdentities.ZORGGROEP, 290, "ziekmeldingUwvDoen"),
            new DemoCase("DEMO-08", "mohammed", DemoIdentities.ACME, 330, "eerstejaarsevaluatieHouden"),
            new DemoCase("DEMO-09", "fatima", DemoIdentities.ZORGGROEP, 420),
            // Referred to the other re-integratiebedrijf than DEMO-09, so each bureau sees one case.
            new DemoCase("DEMO-10", "kees", DemoIdentities.ACME, 625, Set.of("actueelOordeelOpstellen",
                    "eindevaluatieHouden"), Map.of(ProcessKeys.Tasks.REINTEGRATIEBUREAU_INSCHAKELEN,
                    Map.of("reintegratiebureau", DemoIdentities.NIEUWE_KANSEN))));

    private final ProcessEngine engine;
    private final EmployerProtocol protocol;
    private final DemoIdentities identities;
    private final Clock clock;
    private final AtomicBoolean played = new AtomicBoolean();
    private volatile boolean running;

    DemoCases(ProcessEngine engine, DemoIdentities identities, Clock clock, EmployerProtocol protocol) {
        this.protocol = protocol;
        this.engine = engine;
        this.identities = identities;
        this.clock = clock;
    }

    @Override
    public void start() {
        // Once per application: a later context.start() (JMX, actuator) finds the job executor running, and moving
        // the engine clock then would move it under real timers.
        if (played.compareAndSet(false, true)) {
            playMissingCases();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void playMissingCases() {
        List<DemoCase> missing = CASES.stream().filter(demo -> engine.getHistoryService()
                .createHistoricProcessInstanceQuery().processInstanceBusinessKey(demo.id()).count() == 0).toList();
        if (missing.isEmpty()) {
            return;
        }
        // The cases' tasks go to the organisations serving their employers, so those must exist first.
        identities.ensureEmployersAndOrganisations();
        Date now = ClockUtil.getCurrentTime();
        LocalDate today = LocalDate.now(clock);
        try {
            for (DemoCase demo : missing) {
                play(demo, today.minusDays(demo.daysAgo()), now);
            }
        } finally {
            ClockUtil.reset();
        }
        log.info("Created {} demo cases", missing.size());
    }

    private void play(DemoCase demo, LocalDate firstSickDay, Date now) {
        ClockUtil.setCurrentTime(Date.from(firstSickDay.atTime(LocalTime.of(9, 0)).atZone(clock.getZone())
                .toInstant()));
        protocol.start(ProcessKeys.POORTWACHTER, demo.employer(), demo.id(), Map.of(
                "werknemerId", demo.employee(), "werkgeverId", demo.employer(),
                "eersteZiektedag", firstSickDay.toString()));
        new CasePlayer(engine, demo.id()).playUntil(now.toInstant(), taskKey -> {
            if (demo.waitsAt().contains(taskKey) || ESCALATION.equals(taskKey)) {
                return null;
            }
            Map<String, Object> answers = SimulatedAnswers.onTime(taskKey);
            if (answers != null && demo.answers().containsKey(taskKey)) {
                answers = new HashMap<>(answers);
                answers.putAll(demo.answers().get(taskKey));
            }
            return answers;
        }, 0);
    }
}
