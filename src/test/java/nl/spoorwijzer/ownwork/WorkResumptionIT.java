package nl.spoorwijzer.ownwork;

import static nl.spoorwijzer.support.ApiCases.endOf;
import static nl.spoorwijzer.support.ApiCases.onDay;
import static nl.spoorwijzer.support.ApiCases.startOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Re-integration in own work over the API (issue 26, point 4): the werkgever sets an opbouwschema on the
 * bedrijfsarts's advice, both parties record the hours worked, the plan is evaluated every two weeks while it runs
 * (six weeks without), and a change of belastbaarheid, organisation or a vacancy gives the werkgever a spoor 1
 * re-check whose "no" must be motivated — refused over /engine-rest by the deployed form's rule. One case of tim at
 * acme-bouw (contract 38 hours), the plan van aanpak in force; the steps build on each other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkResumptionIT {

    /** Monday 5 January 2026. */
    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);
    /** Day 60, Thursday 5 March 2026: the plan van aanpak is in force, its first evaluation waits. */
    static final LocalDate TODAY = day(60);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired DossierRepository dossier;
    @Autowired JdbcTemplate jdbc;
    HttpTestClient http;
    ApiCases cases;
    String caseId;
    String instance;

    static LocalDate day(int n) {
        return FIRST_SICK_DAY.plusDays(n - 1L);
    }

    @BeforeAll
    void caseWithAPlanInForce() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
        caseId = cases.reportAndPlay(FIRST_SICK_DAY, TODAY, SimulatedAnswers::onTime, 0, ApiCases.DETAILS);
        instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("poortwachter").singleResult().getId();
        onDay(TODAY);
    }

    @AfterAll
    void deleteCase() {
        cases.deleteAll("spoor-2-traject", "herstelperiode", "poortwachter");
        jdbc.update("DELETE FROM case_file WHERE employee_id = 'tim'");
    }

    @Test
    @Order(1)
    void withoutAnOpbouwschemaTheNextEvaluationIsDueSixWeeksAfterTheLast() {
        LocalDate last = lastPlanned();
        assertThat(cases.timer(caseId, "evaluatiemomentBereikt")).as("the evaluation waits").isNotNull();
        assertThat(variable("nextEvaluationDue")).isEqualTo(endOf(last.plusDays(42)));
        assertThat(cases.timer(caseId, "evaluatiemomentBereikt")).isEqualTo(startOf(last.plusDays(42 - 14)));
    }

    @Test
    @Order(2)
    void badPeriodsAreRefusedNamingFieldIndexAndRuleAndNothingIsWritten() {
        int entries = dossier.findByCase(caseId).size();
        HttpResponse<String> refused = putSchedule("""
                {"periods": [
                  {"from": "%s", "to": "%s", "hoursPerWeek": 8, "tasks": "Planning"},
                  {"from": "%s", "to": "%s", "hoursPerWeek": 40, "tasks": " "},
                  {"from": "%s", "to": "%s", "hoursPerWeek": 16, "tasks": "Planning"}]}"""
                .formatted(day(60), day(73), day(70), day(80), day(90), day(85)), "anna");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = tree(refused.body());
        assertThat(problem.path("violations").findValuesAsText("field")).containsExactlyInAnyOrder(
                "bedrijfsartsAdviceOn", "periods[1].from", "periods[1].hoursPerWeek", "periods[1].tasks",
                "periods[2].from", "periods[2].to");
        assertThat(refused.body()).contains("overlaps: must be the day after periods[0].to, " + day(74),
                "must be from 0 to 38 (the contract hours per week)", "leaves a gap",
                "must be after periods[2].from (" + day(90) + ")");

        HttpResponse<String> beforeSickness = putSchedule("""
                {"bedrijfsartsAdviceOn": "%s", "periods": [
                  {"from": "2025-12-29", "to": "%s", "hoursPerWeek": 8, "tasks": "Planning"}]}"""
                .formatted(day(58), day(73)), "anna");
        assertThat(beforeSickness.statusCode()).as(beforeSickness.body()).isEqualTo(400);
        assertThat(tree(beforeSickness.body()).path("field").asText()).isEqualTo("periods[0].from");
        assertThat(tree(beforeSickness.body()).path("rule").asText())
                .isEqualTo("must not be before the first sick day " + FIRST_SICK_DAY);

        assertThat(dossier.findByCase(caseId)).as("nothing half-written").hasSize(entries);
        assertThat(variable("opbouwVan")).isNull();
    }

    @Test
    @Order(2)
    void aPeriodEndingAfterTheEndOfTheWaitingPeriodIsRefusedInDutchAtItsField() {
        int entries = dossier.findByCase(caseId).size();
        LocalDate end = LocalDate.parse(tree(http.get("/api/cases/" + caseId, "anna", "anna").body())
                .path("timeline").path("einde-wachttijd").asText());
        String body = """
                {"bedrijfsartsAdviceOn": "%s", "periods": [
                  {"from": "%s", "to": "%s", "hoursPerWeek": 8, "tasks": "Planning"},
                  {"from": "%s", "to": "%s", "hoursPerWeek": 16, "tasks": "Planning"}]}"""
                .formatted(day(58), day(60), end, end.plusDays(1), end.plusDays(30));

        HttpResponse<String> refused = http.send(http.request("/api/cases/" + caseId + "/work-resumption-schedule")
                .header("Content-Type", "application/json").header("Accept-Language", "nl")
                .header("Authorization", HttpTestClient.basic("anna", "anna"))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode problem = tree(refused.body());
        assertThat(problem.path("violations").findValuesAsText("field")).as("the first period ends on the last day")
                .containsExactly("periods[1].to");
        String dutchEnd = "%02d-%02d-%d".formatted(end.getDayOfMonth(), end.getMonthValue(), end.getYear());
        assertThat(problem.path("rule").asText()).as("asked for Dutch: the rule at its field too")
                .isEqualTo("mag niet na het einde van de wachttijd (" + dutchEnd + ") liggen");
        assertThat(problem.path("detail").asText()).isEqualTo("Het veld periods[1].to mag niet na het einde van de"
                + " wachttijd (" + dutchEnd + ") liggen.");
        assertThat(dossier.findByCase(caseId)).as("nothing written").hasSize(entries);
    }

    @Test
    @Order(3)
    @DisplayName("seed 000: \"re-integratie in het eigen werk voortzetten en uitbreiden conform het advies van de"
            + " bedrijfsarts\" — the schedule is set and the waiting evaluation moves to two weeks")
    void theWerkgeverSetsAnOpbouwschemaAndTheNextEvaluationMovesToTwoWeeks() {
        HttpResponse<String> set = putSchedule(schedule(16), "anna");

        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        JsonNode view = tree(set.body());
        assertThat(view.path("version").asInt()).isEqualTo(1);
        assertThat(view.path("periods")).hasSize(3);
        assertThat(view.path("currentPeriod").path("from").asText()).isEqualTo(day(60).toString());
        assertThat(view.path("currentPeriod").path("hoursPerWeek").asInt()).isEqualTo(8);
        LocalDate last = lastPlanned();
        LocalDate due = TODAY.plusDays(14);
        assertThat(variable("nextEvaluationDue")).as("14 days after the schedule starts (day 60), not 42 after "
                + last).isEqualTo(endOf(due));
        long lead = Math.min(14, ChronoUnit.DAYS.between(last, due) / 2);
        assertThat(cases.timer(caseId, "evaluatiemomentBereikt")).isEqualTo(startOf(due.minusDays(lead)));
        assertThat(decisions()).singleElement().satisfies(entry -> {
            assertThat(entry.subject()).isEqualTo("Opbouwschema vastgesteld");
            assertThat(entry.recordedBy()).isEqualTo("anna");
            assertThat(entry.content()).containsEntry("adviesBedrijfsartsVan", day(58).toString())
                    .containsEntry("volgendeEvaluatieUiterlijk", due.toString());
        });
    }

    @Test
    @Order(4)
    void aChangedScheduleIsANewVersionAndTheOldOneStaysInTheDossier() {
        HttpResponse<String> changed = putSchedule(schedule(20), "anna");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode view = tree(changed.body());
        assertThat(view.path("version").asInt()).isEqualTo(2);
        assertThat(view.path("periods").get(2).path("hoursPerWeek").asInt()).isEqualTo(20);
        assertThat(view.path("earlierVersions")).singleElement().satisfies(old -> {
            assertThat(old.path("version").asInt()).isEqualTo(1);
            assertThat(old.path("periods").get(2).path("hoursPerWeek").asInt()).isEqualTo(16);
        });
        assertThat(decisions()).extracting(DossierEntry::subject)
                .containsExactly("Opbouwschema vastgesteld", "Opbouwschema gewijzigd (versie 2)");
        assertThat(tree(http.get("/api/cases/" + caseId + "/work-resumption-schedule", "tim", "tim").body())
                .path("version").asInt()).as("the employee reads it").isEqualTo(2);
    }

    @Test
    @Order(5)
    void theWerkgeverAndTheEmployeeRecordTheHoursWorkedBesideThoseThePeriodPlans() {
        String week = WorkResumptionHours.isoWeek(day(60).with(java.time.DayOfWeek.MONDAY));
        HttpResponse<String> byWerkgever = post("/work-resumption-hours", """
                {"week": "%s", "workedHours": 6}""".formatted(week), "anna");
        assertThat(byWerkgever.statusCode()).as(byWerkgever.body()).isEqualTo(201);
        assertThat(tree(byWerkgever.body()).path("type").asText()).isEqualTo("WORK_RESUMPTION_HOURS");

        HttpResponse<String> byEmployee = post("/work-resumption-hours", """
                {"week": "%s", "workedHours": 7.5}""".formatted(day(60)), "tim");
        assertThat(byEmployee.statusCode()).as(byEmployee.body()).isEqualTo(201);
        JsonNode correction = tree(byEmployee.body());
        assertThat(correction.path("role").asText()).isEqualTo("werknemer");
        assertThat(correction.path("content").path("correctie").asBoolean()).isTrue();
        assertThat(correction.path("content").path("geplandeUren").asInt()).isEqualTo(8);

        assertThat(post("/work-resumption-hours", """
                {"week": "%s", "workedHours": 8}""".formatted(day(70)), "anna").statusCode())
                .as("a week that has not started").isEqualTo(400);
        HttpResponse<String> tooMany = post("/work-resumption-hours", """
                {"week": "%s", "workedHours": 39}""".formatted(week), "anna");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tree(tooMany.body()).path("field").asText()).isEqualTo("workedHours");
        HttpResponse<String> before = post("/work-resumption-hours", """
                {"week": "%s", "workedHours": 4}""".formatted(day(40)), "anna");
        assertThat(before.statusCode()).isEqualTo(400);
        assertThat(tree(before.body()).path("rule").asText()).startsWith("must lie within the opbouwschema");
        assertThat(post("/work-resumption-hours", """
                {"week": "2026-W99", "workedHours": 4}""", "anna").statusCode()).isEqualTo(400);

        JsonNode hours = tree(http.get("/api/cases/" + caseId + "/work-resumption-hours", "anna", "anna").body());
        assertThat(hours.path("weeks")).singleElement().satisfies(w -> {
            assertThat(w.path("week").asText()).isEqualTo(week);
            assertThat(w.path("plannedHours").asInt()).isEqualTo(8);
            assertThat(w.path("workedHours").asDouble()).isEqualTo(7.5);
            assertThat(w.path("recordedBy").asText()).isEqualTo("tim");
        });
        JsonNode onTheCase = tree(http.get("/api/cases/" + caseId, "anna", "anna").body()).path("workResumption");
        assertThat(onTheCase.path("currentPeriod").path("hoursPerWeek").asInt()).isEqualTo(8);
        assertThat(onTheCase.path("lastWeek").path("workedHours").asDouble()).isEqualTo(7.5);
        assertThat(onTheCase.path("scheduleTo").asText()).isEqualTo(day(115).toString());
    }

    @Test
    @Order(6)
    @DisplayName("seed 000: \"Blijf door middel van regelmatige evaluaties (voorstel om de twee weken) nauwgezet de"
            + " re-integratie volgen, kijk per keer terug wat er wel en niet gelukt is, bepaal wat de afspraken voor"
            + " de komende periode worden\"")
    void theEvaluationWhileOpbouwRunsLooksBackAndAgreesAndTheNextOneIsDueTwoWeeksLater() {
        LocalDate due = TODAY.plusDays(14);
        onDay(due.minusDays(7));
        HttpResponse<String> wageValue = post("/placements", """
                {"kind": "LOONWAARDE", "wageValuePercentage": 40,
                 "explanation": "Loonwaarde van de eigen taken in de ochtenden."}""", "anna");
        assertThat(wageValue.statusCode()).as(wageValue.body()).isEqualTo(201);
        new CasePlayer(engine, caseId).fireDueTimers();
        Task evaluation = engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("voortgangEvalueren").singleResult();
        assertThat(evaluation.getDueDate()).isEqualTo(endOf(due));
        assertThat(engine.getTaskService().getVariablesLocal(evaluation.getId()))
                .as("prefilled from the recorded week").containsEntry("gewerkteUren", 7.5)
                .containsKey("opbouwPeriode")
                .as("the latest loonwaarde, linked").containsEntry("laatsteLoonwaarde",
                        "40% (vastgelegd op " + due.minusDays(7) + ")");

        HttpResponse<String> withoutAgreements = http.post("/engine-rest/task/" + evaluation.getId()
                + "/submit-form", """
                {"variables": {"watGingGoed": {"value": "De ochtenden lukken goed."},
                               "watGingNietGoed": {"value": "Middagen zijn nog te zwaar."},
                               "evaluatieVervolg": {"value": "geenBijstelling"}}}""", "anna", "anna");
        assertThat(withoutAgreements.statusCode()).as(withoutAgreements.body()).isEqualTo(400);
        assertThat(withoutAgreements.body()).contains("afsprakenVolgendePeriode", "is required");

        HttpResponse<String> done = http.post("/engine-rest/task/" + evaluation.getId() + "/submit-form", """
                {"variables": {"watGingGoed": {"value": "De ochtenden lukken goed."},
                               "watGingNietGoed": {"value": "Middagen zijn nog te zwaar."},
                               "afsprakenVolgendePeriode": {"value": "Volgende periode 16 uur, alleen ochtenden."},
                               "gewerkteUren": {"value": 7.5},
                               "evaluatieVervolg": {"value": "geenBijstelling"}}}""", "anna", "anna");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        assertThat(variable("nextEvaluationDue")).as("opbouw runs: two weeks after this evaluation")
                .isEqualTo(endOf(due.minusDays(7).plusDays(14)));
        assertThat(dossier.findByCase(caseId)).filteredOn(e -> "voortgangEvalueren".equals(e.elementId()))
                .last().satisfies(e -> assertThat(e.content())
                        .containsEntry("afsprakenVolgendePeriode", "Volgende periode 16 uur, alleen ochtenden.")
                        .containsKey("opbouwPeriode")
                        .containsEntry("laatsteLoonwaarde", "40% (vastgelegd op " + due.minusDays(7) + ")"));
    }

    @Test
    @Order(7)
    @DisplayName("seed 000: \"de interne mogelijkheden in eigen of ander werk beoordeeld blijven worden ...\";"
            + " \"Indien dit niet mogelijk is, dient dit goed onderbouwd vastgelegd te worden in het"
            + " re-integratiedossier\"")
    void aChangeForSpoor1GivesTheWerkgeverAReCheckWhoseNoMustBeMotivatedOverRest() {
        LocalDate today = TODAY.plusDays(7);
        HttpResponse<String> reported = post("/spoor1-changes", """
                {"kind": "VACATURE", "description": "Vacature planner op het hoofdkantoor", "date": "%s"}"""
                .formatted(today.minusDays(1)), "anna");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        assertThat(tree(reported.body()).path("type").asText()).isEqualTo("SPOOR1_CHANGE");

        Task recheck = engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("spoor1MogelijkhedenHerbeoordelen").singleResult();
        assertThat(recheck.getName()).isEqualTo("Mogelijkheden spoor 1 opnieuw beoordelen");
        assertThat(recheck.getDueDate()).as("14 days to assess it").isEqualTo(endOf(today.plusDays(14)));

        HttpResponse<String> unmotivated = http.post("/engine-rest/task/" + recheck.getId() + "/complete", """
                {"variables": {"passendWerkEigenOrganisatie": {"value": "nee"}}}""", "anna", "anna");
        assertThat(unmotivated.statusCode()).as(unmotivated.body()).isEqualTo(400);
        assertThat(tree(unmotivated.body()).path("field").asText()).isEqualTo("motiveringGeenPassendWerk");
        assertThat(tree(unmotivated.body()).path("rule").asText()).isEqualTo("is required");
        HttpResponse<String> tooShort = http.post("/engine-rest/task/" + recheck.getId() + "/submit-form", """
                {"variables": {"passendWerkEigenOrganisatie": {"value": "nee"},
                               "motiveringGeenPassendWerk": {"value": "Past niet."}}}""", "anna", "anna");
        assertThat(tooShort.statusCode()).as(tooShort.body()).isEqualTo(400);
        assertThat(tooShort.body()).contains("must be at least 20 characters");
        assertThat(engine.getTaskService().createTaskQuery().taskId(recheck.getId()).count()).isEqualTo(1);

        HttpResponse<String> motivated = http.post("/engine-rest/task/" + recheck.getId() + "/submit-form", """
                {"variables": {"passendWerkEigenOrganisatie": {"value": "nee"},
                               "motiveringGeenPassendWerk": {"value": "De vacature vraagt volledige dagen; de opbouw staat op 4 uur per dag."}}}""",
                "anna", "anna");
        assertThat(motivated.statusCode()).as(motivated.body()).isEqualTo(204);
        assertThat(dossier.findByCase(caseId)).filteredOn(e -> "spoor1MogelijkhedenHerbeoordelen"
                .equals(e.elementId())).singleElement().satisfies(e -> assertThat(e.content())
                .containsEntry("spoor1WijzigingSoort", "VACATURE").containsEntry("passendWerkEigenOrganisatie", "nee")
                .containsKey("motiveringGeenPassendWerk"));
    }

    @Test
    @Order(8)
    void theBedrijfsartsReportsAChangedBelastbaarheidOnlyAndTheBureauIsToldOnlyWhenSpoor2Runs() {
        onDay(TODAY.plusDays(7));
        HttpResponse<String> belastbaarheid = post("/spoor1-changes", """
                {"kind": "BELASTBAARHEID", "description": "Kan weer 4 uur achtereen zittend werken.",
                 "date": "%s"}""".formatted(TODAY.plusDays(7)), "eva");
        assertThat(belastbaarheid.statusCode()).as(belastbaarheid.body()).isEqualTo(201);
        JsonNode entry = tree(belastbaarheid.body());
        assertThat(entry.path("role").asText()).isEqualTo("bedrijfsarts");
        assertThat(entry.path("content").path("reintegratiebureauGeinformeerd").asBoolean())
                .as("no spoor 2 trajectory runs").isFalse();

        HttpResponse<String> organisation = post("/spoor1-changes", """
                {"kind": "ORGANISATIE", "description": "Reorganisatie van de afdeling.", "date": "%s"}"""
                .formatted(TODAY), "eva");
        assertThat(organisation.statusCode()).as(organisation.body()).isEqualTo(403);
        assertThat(tree(organisation.body()).path("field").asText()).isEqualTo("kind");
        HttpResponse<String> unknown = post("/spoor1-changes", """
                {"kind": "DIAGNOSE", "description": "Iets anders dan toegestaan.", "date": "%s"}"""
                .formatted(TODAY), "anna");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(tree(unknown.body()).path("rule").asText())
                .isEqualTo("must be one of [BELASTBAARHEID, ORGANISATIE, VACATURE]");
    }

    @Test
    @Order(9)
    void noOtherPartyChangesTheOpbouwAndManagementReadsNoneOfIt() {
        int entries = dossier.findByCase(caseId).size();
        String body = schedule(24);
        assertThat(putSchedule(body, "daan").statusCode()).as("another employer's werkgever").isEqualTo(404);
        assertThat(putSchedule(body, "frank").statusCode()).as("a bureau that is no party").isEqualTo(404);
        assertThat(putSchedule(body, "eva").statusCode()).as("the bedrijfsarts advises, the werkgever sets")
                .isEqualTo(403);
        assertThat(putSchedule(body, "tim").statusCode()).as("the employee").isEqualTo(403);
        assertThat(putSchedule(body, "ivo").statusCode()).as("management").isEqualTo(403);
        String hours = """
                {"week": "%s", "workedHours": 8}""".formatted(TODAY);
        assertThat(post("/work-resumption-hours", hours, "daan").statusCode()).isEqualTo(404);
        assertThat(post("/work-resumption-hours", hours, "eva").statusCode()).isEqualTo(403);
        String change = """
                {"kind": "VACATURE", "description": "Vacature planner op het hoofdkantoor", "date": "%s"}"""
                .formatted(TODAY);
        assertThat(post("/spoor1-changes", change, "daan").statusCode()).isEqualTo(404);
        assertThat(post("/spoor1-changes", change, "frank").statusCode()).isEqualTo(404);
        assertThat(post("/spoor1-changes", change, "tim").statusCode()).isEqualTo(403);
        assertThat(dossier.findByCase(caseId)).as("nothing written").hasSize(entries);

        for (String read : List.of("/work-resumption-schedule", "/work-resumption-hours")) {
            assertThat(http.get("/api/cases/" + caseId + read, "ivo", "ivo").statusCode()).as("management " + read)
                    .isEqualTo(403);
            assertThat(http.get("/api/cases/" + caseId + read, "daan", "daan").statusCode()).isEqualTo(404);
            assertThat(http.get("/api/cases/" + caseId + read, "eva", "eva").statusCode()).isEqualTo(200);
        }
        assertThat(tree(http.get("/api/cases/" + caseId, "ivo", "ivo").body()).has("workResumption")).isFalse();
    }

    /** Three periods from day 60: 8, 16 and then the given hours per week. */
    private static String schedule(int lastPeriodHours) {
        return """
                {"bedrijfsartsAdviceOn": "%s", "periods": [
                  {"from": "%s", "to": "%s", "hoursPerWeek": 8, "tasks": "Planning en telefoon, ochtenden"},
                  {"from": "%s", "to": "%s", "hoursPerWeek": 16, "tasks": "Planning, telefoon en werkvoorbereiding"},
                  {"from": "%s", "to": "%s", "hoursPerWeek": %d, "tasks": "Eigen taken zonder tillen"}]}"""
                .formatted(day(58), day(60), day(73), day(74), day(87), day(88), day(115), lastPeriodHours);
    }

    private List<DossierEntry> decisions() {
        return dossier.findByCase(caseId).stream().filter(e -> e.type() == DossierEntryType.DECISION
                && "opbouwschemaVastleggen".equals(e.elementId())).toList();
    }

    private LocalDate lastPlanned() {
        return LocalDate.parse(variable("evaluatieGeplandVanaf").toString());
    }

    private Object variable(String name) {
        return engine.getRuntimeService().getVariable(instance, name);
    }

    private HttpResponse<String> putSchedule(String body, String user) {
        return http.send(http.request("/api/cases/" + caseId + "/work-resumption-schedule")
                .header("Content-Type", "application/json").header("Authorization", HttpTestClient.basic(user, user))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> post(String path, String body, String user) {
        return http.post("/api/cases/" + caseId + path, body, user, user);
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
