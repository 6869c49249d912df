package nl.spoorwijzer.risks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CasePhase;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.CaseAction;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys.Tasks;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.TaskRoles;
import nl.spoorwijzer.report.RivGapCheck;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gathers the {@link RiskFacts} of a batch of open cases with four queries whatever the batch size — the open cases,
 * the dossier's steps per case, kind and role (counted, with the last date), the few entries whose contents matter
 * (the probleemanalyse's doubt about the own work, changes for spoor 1, the spoor 2 decision) and the latest legal
 * dates — never one query per case.
 */
@Component
class RiskFactsReader {

    private static final TypeReference<Map<String, Object>> JSON_MAP = new TypeReference<>() {};

    static final String MISSED = "DEADLINE_MISSED";
    static final Set<String> DONE = Set.of("TASK_COMPLETED", "STEP_IMPORTED");
    static final Set<String> PROBLEM_ANALYSIS = Set.of(Tasks.PROBLEEMANALYSE_OPSTELLEN, "probleemanalyseBijstellen");
    static final String EJE = Tasks.EERSTEJAARSEVALUATIE_HOUDEN;
    static final String AD_REPORT = Tasks.ARBEIDSDESKUNDIG_RAPPORT_OPSTELLEN;
    static final String SPOOR1_RECHECK = Tasks.SPOOR1_MOGELIJKHEDEN_HERBEOORDELEN;
    static final String SPOOR2_PLAN = "planSpoor2Opstellen";
    static final String SEARCH_PROFILE = "zoekprofielOpstellen";
    static final String JOB_APPLICATION = CaseAction.JOB_APPLICATION.elementId();
    static final String SPOOR2_DECISION = ProcessKeys.Elements.SPOOR_2_BESLUITEN;
    /** Steps that show spoor 2 began: the executor chosen, a bureau engaged or the trajectory's first steps. */
    static final Set<String> SPOOR2_BEGUN = Set.of(Tasks.SPOOR_2_UITVOERDER_KIEZEN, Tasks.REINTEGRATIEBUREAU_INSCHAKELEN,
            "aanmeldingBeoordelen", "kennismaking", "intakeEnOrientatie", SEARCH_PROFILE, SPOOR2_PLAN);
    static final String BUREAU = Role.RE_INTEGRATIEBUREAU.groupId();

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final LegalTime time;

    RiskFactsReader(NamedParameterJdbcTemplate jdbc, ObjectMapper json, LegalTime time) {
        this.jdbc = jdbc;
        this.json = json;
        this.time = time;
    }

    /** One page of open cases after {@code afterCaseId} (null: from the first), in case id order. */
    List<OpenCase> openCases(String afterCaseId, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource("after", afterCaseId == null ? "" : afterCaseId)
                .addValue("open", CaseFile.OPEN).addValue("size", size);
        return jdbc.query("""
                SELECT case_id, employer_id, phase FROM case_file
                WHERE status = :open AND case_id > :after ORDER BY case_id LIMIT :size""", params,
                (rs, row) -> new OpenCase(rs.getString("case_id"), rs.getString("employer_id"), rs.getString("phase")));
    }

    /** The case, when it is open (a recovered or closed case runs no risk of a loonsanctie). */
    List<OpenCase> openCase(String caseId) {
        return jdbc.query("SELECT case_id, employer_id, phase FROM case_file WHERE case_id = :id AND status = :open",
                new MapSqlParameterSource("id", caseId).addValue("open", CaseFile.OPEN),
                (rs, row) -> new OpenCase(rs.getString("case_id"), rs.getString("employer_id"), rs.getString("phase")));
    }

    List<RiskFacts> factsOf(List<OpenCase> cases, RivGapCheck rivRules) {
        if (cases.isEmpty()) {
            return List.of();
        }
        Map<String, Steps> steps = new LinkedHashMap<>();
        cases.forEach(open -> steps.put(open.caseId(), new Steps()));
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", steps.keySet());
        jdbc.query("""
                SELECT case_id, entry_type, element_id, role, COUNT(*) AS entries,
                    SUM(CASE WHEN deadline_met = FALSE THEN 1 ELSE 0 END) AS late, MAX(recorded_at) AS last_at
                FROM dossier_entry
                WHERE case_id IN (:ids) AND entry_type IN ('TASK_COMPLETED', 'STEP_IMPORTED', 'DEADLINE_MISSED',
                    'TRAJECTORY_ENDED')
                GROUP BY case_id, entry_type, element_id, role""", ids, rs -> {
            steps.get(rs.getString("case_id")).add(rs.getString("entry_type"), rs.getString("element_id"),
                    rs.getString("role"), rs.getInt("entries"), rs.getInt("late"),
                    time.dayOf(rs.getObject("last_at", OffsetDateTime.class)));
        });
        jdbc.query("""
                SELECT id, case_id, entry_type, element_id, recorded_at, content FROM dossier_entry
                WHERE case_id IN (:ids) AND (entry_type = 'SPOOR1_CHANGE'
                    OR (entry_type = 'DECISION' AND element_id = :decision)
                    OR (entry_type IN ('TASK_COMPLETED', 'STEP_IMPORTED') AND element_id IN (:analysis)))
                ORDER BY id""", new MapSqlParameterSource(ids.getValues()).addValue("decision", SPOOR2_DECISION)
                .addValue("analysis", PROBLEM_ANALYSIS), rs -> {
            steps.get(rs.getString("case_id")).content(rs.getString("entry_type"), rs.getString("element_id"),
                    time.dayOf(rs.getObject("recorded_at", OffsetDateTime.class)), parse(rs.getString("content")));
        });
        jdbc.query("""
                SELECT d.case_id, d.content FROM (
                    SELECT MAX(id) AS id FROM dossier_entry
                    WHERE case_id IN (:ids) AND entry_type IN ('TIMELINE_COMPUTED', 'TIMELINE_UPDATED')
                    GROUP BY case_id) latest JOIN dossier_entry d ON d.id = latest.id""", ids, rs -> {
            Object dates = parse(rs.getString("content")).get(DossierEntry.TIMELINE);
            if (dates instanceof Map<?, ?> map) {
                Map<String, Object> timeline = new HashMap<>();
                map.forEach((key, value) -> timeline.put(String.valueOf(key), value));
                steps.get(rs.getString("case_id")).timeline = timeline;
            }
        });
        LocalDate today = time.today();
        Set<String> evaluationSteps = rivRules.evaluationSteps();
        List<RiskFacts> facts = new ArrayList<>(cases.size());
        for (OpenCase open : cases) {
            facts.add(steps.get(open.caseId()).facts(open, today, rivRules, evaluationSteps));
        }
        return facts;
    }

    private Map<String, Object> parse(String content) {
        try {
            return content == null ? Map.of() : json.readValue(content, JSON_MAP);
        } catch (JsonProcessingException e) {
            return Map.of(); // a malformed entry tells nothing about a risk; the dossier itself shows it
        }
    }

    record OpenCase(String caseId, String employerId, String phase) {
    }

    /** What the dossier says about one case, as the queries deliver it. */
    private static final class Steps {
        int missed;
        int lateBureau;
        final Set<String> done = new HashSet<>();
        final Map<String, LocalDate> lastDone = new HashMap<>();
        LocalDate lastEvaluationFor;
        LocalDate lastAdvice;
        LocalDate lastEmployerAction;
        LocalDate trajectoryEnded;
        Boolean ownWorkDoubtful;
        LocalDate doubtSince;
        LocalDate capacityChanged;
        boolean spoor2NotNeeded;
        Map<String, Object> timeline = Map.of();
        final List<String[]> doneByRole = new ArrayList<>();
        final Map<String, LocalDate> lastByRoleAndStep = new HashMap<>();

        void add(String type, String element, String role, int entries, int late, LocalDate last) {
            if (MISSED.equals(type)) {
                if (BUREAU.equals(role)) {
                    lateBureau += entries;
                } else {
                    missed += entries;
                }
                return;
            }
            if ("TRAJECTORY_ENDED".equals(type)) {
                trajectoryEnded = latest(trajectoryEnded, last);
                return;
            }
            if (element == null) {
                return;
            }
            done.add(element);
            lastDone.merge(element, last, Steps::latest);
            if (BUREAU.equals(role)) {
                lateBureau += late;
            }
            if (role != null) {
                doneByRole.add(new String[] {element, role});
                lastByRoleAndStep.merge(role + "|" + element, last, Steps::latest);
            }
            if (Role.BEDRIJFSARTS.groupId().equals(role)) {
                lastAdvice = latest(lastAdvice, last);
            } else if (Role.WERKGEVER.groupId().equals(role)) {
                lastEmployerAction = latest(lastEmployerAction, last);
            }
        }

        void content(String type, String element, LocalDate day, Map<String, Object> content) {
            switch (type) {
                case "SPOOR1_CHANGE" -> {
                    if ("BELASTBAARHEID".equals(content.get("soort"))) {
                        capacityChanged = latest(capacityChanged, day);
                    }
                }
                case "DECISION" -> {
                    if (content.get("uitkomst") instanceof Map<?, ?> outcome) {
                        spoor2NotNeeded = Boolean.FALSE.equals(outcome.get("spoor2Inzetten"));
                    }
                }
                default -> { // the latest probleemanalyse (or its revision) says whether return to own work is doubtful
                    boolean doubtful = Boolean.TRUE.equals(content.get("terugkeerEigenWerkTwijfelachtig"));
                    if (doubtful && !Boolean.TRUE.equals(ownWorkDoubtful)) {
                        doubtSince = day;
                    }
                    ownWorkDoubtful = doubtful;
                }
            }
        }

        RiskFacts facts(OpenCase open, LocalDate today, RivGapCheck rivRules, Set<String> evaluationSteps) {
            LocalDate lastEvaluation = null;
            for (String[] step : doneByRole) {
                if (evaluationSteps.contains(step[0]) && !TaskRoles.EMPLOYEE_ROLE.equals(step[1])) {
                    lastEvaluation = latest(lastEvaluation, lastByRoleAndStep.get(step[1] + "|" + step[0]));
                }
            }
            boolean spoor2Begun = CasePhase.SPOOR_2.name().equals(open.phase())
                    || done.stream().anyMatch(SPOOR2_BEGUN::contains);
            LocalDate eje = lastDone.get(EJE);
            Integer afterEje = eje != null && !spoor2Begun && !spoor2NotNeeded ? days(eje, today) : null;
            Integer advice = lastAdvice != null && (lastEmployerAction == null || lastEmployerAction.isBefore(lastAdvice))
                    ? days(lastAdvice, today) : null;
            LocalDate recheck = lastDone.get(SPOOR1_RECHECK);
            Integer capacity = capacityChanged != null && (recheck == null || recheck.isBefore(capacityChanged))
                    ? days(capacityChanged, today) : null;
            Integer doubt = Boolean.TRUE.equals(ownWorkDoubtful) && !done.contains(AD_REPORT)
                    ? days(doubtSince, today) : null;
            LocalDate plan = lastDone.get(SPOOR2_PLAN);
            boolean planRuns = plan != null && (trajectoryEnded == null || trajectoryEnded.isBefore(plan));
            LocalDate lastApplication = latest(plan, lastDone.get(JOB_APPLICATION));
            return new RiskFacts(open.caseId(), open.employerId(), open.phase(), missed,
                    rivRules.missingParts(timeline, done, today), afterEje, lateBureau,
                    lastEvaluation == null ? null : days(lastEvaluation, today), advice, capacity, doubt,
                    planRuns && !done.contains(SEARCH_PROFILE),
                    planRuns ? days(lastApplication, today) : null);
        }

        private static int days(LocalDate from, LocalDate today) {
            return (int) ChronoUnit.DAYS.between(from, today);
        }

        private static LocalDate latest(LocalDate a, LocalDate b) {
            return a == null ? b : b == null ? a : Collections.max(List.of(a, b));
        }
    }
}
