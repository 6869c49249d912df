package nl.spoorwijzer.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.SpoorwijzerApplication;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.ProcessVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The engine-made part of the scale benchmark's data: the templates' employer (tenant), the users who measure,
 * employees to report sick, and one template case per week of the waiting period, each played by simulated people
 * from its first sick day to today — with the people some days behind, so templates have open, due and overdue
 * tasks and missed-deadline escalations, as real cases do. {@link CaseCloner} multiplies the templates.
 */
final class ScaleSeed {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final String EMPLOYER_PREFIX = "bench-werkgever-";
    static final int WEEKS = 104;
    static final String TEMPLATE_PREFIX = "ZV-SCALE-";
    static final String WERKGEVER = "bench-werkgever";
    static final String BEDRIJFSARTS = "bench-bedrijfsarts";
    /** A re-integratiebureau's professional: a party of the templates referred to spoor 2 only. */
    static final String BUREAU = "bench-bureau";
    /** The organisations (Camunda groups with a type, as in identity/Organisations) of the measuring professionals. */
    static final String ARBODIENST_GROUP = "bench-arbodienst";
    static final String BUREAU_GROUP = "bench-reintegratiebedrijf";
    static final String MANAGER = "bench-manager";
    static final String TEMPLATE_EMPLOYEE_PREFIX = "bench-werknemer-";
    static final String NEW_EMPLOYEE_PREFIX = "bench-nieuw-";

    private ScaleSeed() {
    }

    /** The employer of the template cases and of the measuring werkgever and bedrijfsarts. */
    static String measuredEmployer() {
        return EMPLOYER_PREFIX + "0000";
    }

    static void seed(String jdbcUrl, int newEmployees) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SpoorwijzerApplication.class)
                .run(ScaleBenchmark.platformArguments(jdbcUrl, "demo,postgres",
                        "--camunda.bpm.job-execution.enabled=false", "--spoorwijzer.demo.cases=false",
                        "--logging.level.root=WARN", "--server.port=0"))) {
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            long started = System.nanoTime();
            identities(engine.getIdentityService(), newEmployees);
            System.out.printf("seed: users and %d employees to report sick in %.0f s%n", newEmployees,
                    (System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            templates(engine);
            System.out.printf("seed: %d template cases played to today in %.0f s%n", WEEKS,
                    (System.nanoTime() - started) / 1e9);
        } finally {
            ClockUtil.reset();
        }
    }

    private static void identities(IdentityService identity, int newEmployees) {
        Tenant tenant = identity.newTenant(measuredEmployer());
        tenant.setName("Benchmark werkgever 0");
        identity.saveTenant(tenant);
        user(identity, WERKGEVER, Role.WERKGEVER, List.of(measuredEmployer()));
        // The professionals serve the employer through their organisation (its tenant membership), as in the design
        // of parties per case: the templates' tasks go to these groups, and each case grants them its instances.
        organisation(identity, ARBODIENST_GROUP, "Benchmark arbodienst", Role.BEDRIJFSARTS);
        organisation(identity, BUREAU_GROUP, "Benchmark re-integratiebedrijf", Role.RE_INTEGRATIEBUREAU);
        user(identity, BEDRIJFSARTS, Role.BEDRIJFSARTS, List.of());
        identity.createMembership(BEDRIJFSARTS, ARBODIENST_GROUP);
        user(identity, BUREAU, Role.RE_INTEGRATIEBUREAU, List.of());
        identity.createMembership(BUREAU, BUREAU_GROUP);
        // A manager of an arbodienst that serves every employer (CaseCloner adds the others): the widest list.
        user(identity, MANAGER, Role.MANAGEMENT, List.of(measuredEmployer()));
        for (int week = 0; week < WEEKS; week++) {
            user(identity, templateEmployee(week), Role.WERKNEMER, List.of(measuredEmployer()));
        }
        for (int i = 0; i < newEmployees; i++) {
            user(identity, NEW_EMPLOYEE_PREFIX + i, Role.WERKNEMER, List.of(measuredEmployer()));
        }
    }

    private static void user(IdentityService identity, String id, Role role, List<String> tenants) {
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName("Benchmark");
        user.setPassword(id);
        identity.saveUser(user);
        identity.createMembership(id, role.groupId());
        tenants.forEach(tenant -> identity.createTenantUserMembership(tenant, id));
    }

    /** An organisation serving the measured employer (CaseCloner lets it serve the copies' employers when asked). */
    private static void organisation(IdentityService identity, String id, String name, Role role) {
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType(role.organisationType());
        identity.saveGroup(group);
        identity.createTenantGroupMembership(measuredEmployer(), id);
    }

    /** The simulated people's answers, with the benchmark's re-integratiebedrijf chosen at the referral. */
    private static Map<String, Object> answers(String taskKey) {
        Map<String, Object> values = SimulatedAnswers.onTime(taskKey);
        if (values != null && values.containsKey(ProcessVariables.REINTEGRATIEBUREAU)) {
            values = new HashMap<>(values);
            values.put(ProcessVariables.REINTEGRATIEBUREAU, BUREAU_GROUP);
        }
        return values;
    }

    static String templateEmployee(int week) {
        return TEMPLATE_EMPLOYEE_PREFIX + week;
    }

    /**
     * One case per week of the waiting period, started on every day of the week in turn; the people of a case are
     * 0 to 44 days behind (they completed everything due until then; what came after is open, and the deadlines
     * it missed have fired).
     */
    private static void templates(ProcessEngine engine) {
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, AMSTERDAM);
        for (int week = 0; week < WEEKS; week++) {
            LocalDate firstSickDay = today.minusWeeks(week).minusDays(week % 7);
            int daysBehind = (week * 11) % 45;
            String caseId = TEMPLATE_PREFIX + week;
            Instant reported = firstSickDay.atTime(LocalTime.of(9, 0)).atZone(AMSTERDAM).toInstant();
            ClockUtil.setCurrentTime(Date.from(reported.isAfter(now) ? now : reported));
            engine.getRuntimeService().startProcessInstanceByKey("poortwachter", caseId, Map.of(
                    "werknemerId", templateEmployee(week), "werkgeverId", measuredEmployer(),
                    "eersteZiektedag", firstSickDay.toString()));
            CasePlayer player = new CasePlayer(engine, caseId);
            Instant caughtUp = now.minusSeconds(86_400L * daysBehind);
            if (caughtUp.isAfter(ClockUtil.getCurrentTime().toInstant())) {
                player.playUntil(caughtUp, ScaleSeed::answers, 0);
            }
            ClockUtil.setCurrentTime(Date.from(now));
            player.fireDueTimers();
            if (player.isEnded()) {
                throw new IllegalStateException("template " + caseId + " ended; it should be open today");
            }
        }
    }
}
