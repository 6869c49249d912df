package nl.spoorwijzer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.risks.NightlyRiskSweep;
import nl.spoorwijzer.risks.RiskEvaluation;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly loonsanctie risk sweep over many open cases (issue 27; not part of the test run: run it by name,
 * {@code -Dit.test=RiskSweepBenchmark -Dbench.risk.cases=10000}). Template cases are played by simulated people to
 * different weeks of sickness, some of them late (so there are misses, missing RIV parts, evaluations due), then
 * copied in SQL — the two tables the sweep reads, the read model and the dossier — to the asked number of open
 * cases. Measured: the sweep over all of them, then one case judged again (what every dossier change costs).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RiskSweepBenchmark {

    static final int[] AGES = {30, 70, 150, 260, 330, 400, 480, 560, 640, 700};

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired NightlyRiskSweep sweep;
    @Autowired RiskEvaluation evaluation;

    @Test
    void nightlySweepOverManyOpenCases() {
        int cases = Integer.getInteger("bench.risk.cases", 10_000);
        HttpTestClient http = new HttpTestClient(port);
        LocalDate today = LocalDate.now(ApiCases.AMSTERDAM);
        List<String> templates = new ArrayList<>();
        long played = System.nanoTime();
        for (int i = 0; i < AGES.length; i++) {
            String employee = "risk-bench-" + i;
            user(engine.getIdentityService(), employee);
            LocalDate firstSickDay = today.minusDays(AGES[i]);
            ApiCases.onDay(firstSickDay);
            HttpResponse<String> opened = http.post("/api/cases", """
                    {"employeeId": "%s", "employerId": "acme-bouw", "firstSickDay": "%s"}""".formatted(employee,
                    firstSickDay), "anna", "anna");
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            String caseId = json.valueToTree(readMap(opened.body())).path("caseId").asText();
            int late = i % 3 == 0 ? 0 : 10 * (i % 3);
            new CasePlayer(engine, caseId).playUntil(today.atTime(9, 0).atZone(ApiCases.AMSTERDAM).toInstant(),
                    SimulatedAnswers::onTime, late);
            templates.add(caseId);
        }
        ClockUtil.reset();
        System.out.printf("risk bench: %d templates played in %.0f s%n", templates.size(),
                (System.nanoTime() - played) / 1e9);

        long copied = System.nanoTime();
        int copies = Math.max(0, cases / templates.size() - 1);
        jdbc.execute("CREATE TABLE risk_bench_n (n INT PRIMARY KEY)");
        jdbc.batchUpdate("INSERT INTO risk_bench_n (n) VALUES (?)",
                IntStream.rangeClosed(1, copies).mapToObj(n -> new Object[] {n}).toList());
        String inTemplates = "('" + String.join("','", templates) + "')";
        jdbc.update("""
                INSERT INTO case_file (case_id, process_instance_id, employer_id, employee_id, first_sick_day, status,
                    phase, next_deadline, next_deadline_task, opened_at)
                SELECT t.case_id || '-' || n.n, t.process_instance_id || '-' || n.n,
                    'risk-bench-' || (n.n / 100), t.employee_id || '-' || n.n, t.first_sick_day, t.status, t.phase,
                    t.next_deadline, t.next_deadline_task, t.opened_at
                FROM case_file t CROSS JOIN risk_bench_n n WHERE t.case_id IN """ + inTemplates);
        jdbc.update("""
                INSERT INTO dossier_entry (case_id, process_instance_id, tenant_id, entry_type, subject, element_id,
                    recorded_by, role, recorded_at, due_date, deadline_met, content)
                SELECT t.case_id || '-' || n.n, t.process_instance_id, 'risk-bench-' || (n.n / 100), t.entry_type,
                    t.subject, t.element_id, t.recorded_by, t.role, t.recorded_at, t.due_date, t.deadline_met, t.content
                FROM dossier_entry t CROSS JOIN risk_bench_n n WHERE t.case_id IN """ + inTemplates);
        Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE status = 'OPEN'", Integer.class);
        Integer entries = jdbc.queryForObject("SELECT COUNT(*) FROM dossier_entry", Integer.class);
        System.out.printf("risk bench: copied to %d open cases, %d dossier entries in %.0f s%n", open, entries,
                (System.nanoTime() - copied) / 1e9);

        for (int run = 1; run <= 2; run++) { // the first run finds every risk, the second keeps them
            long started = System.nanoTime();
            int judged = sweep.run();
            double seconds = (System.nanoTime() - started) / 1e9;
            Integer risks = jdbc.queryForObject("SELECT COUNT(*) FROM case_risk", Integer.class);
            System.out.printf("risk bench [%s]: sweep %d judged %d open cases in %.1f s (%.0f cases/s), %d risks%n",
                    BenchDatabase.name(), run, judged, seconds, judged / seconds, risks);
        }
        jdbc.query("SELECT code, COUNT(*) AS n FROM case_risk GROUP BY code ORDER BY code", rs -> {
            System.out.printf("risk bench: %s %d%n", rs.getString("code"), rs.getInt("n"));
        });
        long started = System.nanoTime();
        int times = 200;
        for (int i = 0; i < times; i++) {
            evaluation.evaluateCase(templates.get(i % templates.size()) + "-" + (1 + i));
        }
        System.out.printf("risk bench: one case judged again in %.1f ms on average%n",
                (System.nanoTime() - started) / 1e6 / times);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readMap(String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void user(IdentityService identity, String id) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(id);
        user.setLastName("Bench");
        user.setPassword(id);
        identity.saveUser(user);
        identity.createMembership(id, Role.WERKNEMER.groupId());
        identity.createTenantUserMembership("acme-bouw", id);
    }
}
