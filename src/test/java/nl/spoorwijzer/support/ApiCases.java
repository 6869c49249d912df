package nl.spoorwijzer.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import nl.spoorwijzer.simulation.CasePlayer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Cases for HTTP tests in simulated time: anna (werkgever of acme-bouw) reports tim sick through {@code /api/cases},
 * the engine clock stands at 09:00 Amsterdam time on the days the test chooses, and the simulated people play the case
 * forward. Every test deletes what it started (an employee has one open case at a time).
 */
public final class ApiCases {

    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final HttpTestClient http;
    private final ObjectMapper json;
    private final ProcessEngine engine;

    public ApiCases(HttpTestClient http, ObjectMapper json, ProcessEngine engine) {
        this.http = http;
        this.json = json;
        this.engine = engine;
    }

    /** Moves the engine clock (and so "today" everywhere) to 09:00 on the given day. */
    public static void onDay(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(9, 0)).atZone(AMSTERDAM).toInstant()));
    }

    /** The first instant of the day, Amsterdam time: when a timer "on this day" is due. */
    public static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(AMSTERDAM).toInstant());
    }

    /** The instant a deadline "by this day" ends: 23:59:59 Amsterdam time. */
    public static Date endOf(LocalDate day) {
        return Date.from(day.atTime(23, 59, 59).atZone(AMSTERDAM).toInstant());
    }

    /**
     * Every field of the case details (art. 6 lid 1 a-d) for tim at acme-bouw, first sick day in 2026: a RIV without
     * them is incomplete.
     */
    public static final String DETAILS = """
            {"employee": {"dateOfBirth": "1984-06-12", "personnelNumber": "P-1042"},
             "employer": {"street": "Bouwstraat 12", "postalCode": "3511ab", "city": "Utrecht",
                          "payrollTaxNumber": "123456789L01", "kvkNumber": "12345678",
                          "natureOfBusiness": "Aannemer in woningbouw en renovatie, 120 medewerkers",
                          "contactName": "Anna Jansen", "contactPhone": "030-1234567",
                          "contactEmail": "hr@acme-bouw.nl"},
             "occupationalHealth": {"arbodienst": "Arbodienst West", "bedrijfsarts": "Eva de Vries",
                                    "phone": "030-7654321"},
             "function": {"title": "Timmerman", "description": "Bouwt kozijnen en trappen; tillen tot 25 kg, veel staan",
                          "contractHoursPerWeek": 38,
                          "employedSince": "2015-03-01"},
             "skills": {"education": "MBO 3 Timmeren", "experience": "12 jaar timmerman, 3 jaar voorman",
                        "skills": "VCA-basis, heftruckcertificaat"}}""";

    /** Reports tim sick on his first sick day (the clock is set to it) and plays the case until the given day. */
    public String reportAndPlay(LocalDate firstSickDay, LocalDate until, Function<String, Map<String, Object>> answers,
                                int lateByDays) {
        return reportAndPlay(firstSickDay, until, answers, lateByDays, null);
    }

    /** As above, with the case details ({@link #DETAILS}) given at intake when {@code details} is not null. */
    public String reportAndPlay(LocalDate firstSickDay, LocalDate until, Function<String, Map<String, Object>> answers,
                                int lateByDays, String details) {
        onDay(firstSickDay);
        HttpResponse<String> opened = http.post("/api/cases", """
                {"employeeId": "tim", "employerId": "acme-bouw", "firstSickDay": "%s"%s}""".formatted(firstSickDay,
                        details == null ? "" : ", \"details\": " + details),
                "anna", "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String caseId;
        try {
            caseId = json.readTree(opened.body()).path("caseId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new CasePlayer(engine, caseId).playUntil(until.atTime(9, 0).atZone(AMSTERDAM).toInstant(), answers,
                lateByDays);
        return caseId;
    }

    /** The due date of the case's pending timer on the given activity of {@code poortwachter}, or null. */
    public Date timer(String caseId, String activityId) {
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("poortwachter").singleResult().getId();
        for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance).timers().list()) {
            String activity = engine.getManagementService().createJobDefinitionQuery()
                    .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
            if (activity.equals(activityId)) {
                return job.getDuedate();
            }
        }
        return null;
    }

    /** Reports the employee of acme-bouw sick over the API as its werkgever anna, without moving the clock. */
    public String report(String employee, LocalDate firstSickDay) {
        HttpResponse<String> opened = http.post("/api/cases", """
                {"employeeId": "%s", "employerId": "acme-bouw", "firstSickDay": "%s"}""".formatted(employee,
                firstSickDay), "anna", "anna");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        try {
            return json.readTree(opened.body()).path("caseId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes every running process instance and the case's history (a test's clean-up). */
    public void deleteWithHistory(String caseId) {
        engine.getRuntimeService().createProcessInstanceQuery().rootProcessInstances().list()
                .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test"));
        if (caseId != null) {
            engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).list()
                    .forEach(old -> engine.getHistoryService().deleteHistoricProcessInstanceIfExists(old.getId()));
        }
    }

    /** Deletes every running instance of the given processes and puts the clock back. */
    public void deleteAll(String... processKeys) {
        for (String key : processKeys) {
            engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).list()
                    .forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test"));
        }
        ClockUtil.reset();
    }
}
