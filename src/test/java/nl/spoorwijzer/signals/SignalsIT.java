package nl.spoorwijzer.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import nl.spoorwijzer.simulation.CasePlayer;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import nl.spoorwijzer.system.ScheduledRuns;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail signals against a real SMTP server in this JVM (GreenMail): per trigger, who gets which mail, once, and that
 * no mail carries what a form said (the bedrijfsarts's functional limitations) or who the case is about. The job
 * executor is off in tests: the signal jobs are executed here, as the job executor would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignalsIT {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identity;
    @Autowired ObjectMapper json;
    @Autowired SignalSweeps sweeps;
    @Autowired JdbcTemplate jdbc;
    @Autowired SignalFigures figures;
    @Autowired SignalLedger ledger;
    @Autowired ScheduledRuns runs;
    @Autowired MeterRegistry meters;
    @Autowired PlatformTransactionManager transactions;
    @Autowired DataSource dataSource;
    @Autowired SignalHistoryUpgrade historyUpgrade;
    HttpTestClient http;
    ApiCases cases;
    String caseId;

    @BeforeEach
    void setUp() throws Exception {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
        SMTP.purgeEmailFromAllMailboxes();
        // Other integration tests in this JVM share the database: their queued signals are not this test's.
        signalJobs().forEach(job -> engine.getManagementService().deleteJob(job.getId()));
        jdbc.update("DELETE FROM signal_sent");
        jdbc.update("DELETE FROM signal_preference");
        jdbc.update("DELETE FROM signal_digest");
    }

    @AfterEach
    void cleanUp() {
        cases.deleteWithHistory(caseId);
        engine.getManagementService().createJobQuery().messages().list()
                .forEach(job -> engine.getManagementService().deleteJob(job.getId()));
        ClockUtil.reset();
    }

    @Test
    @Order(1)
    void eachTriggerMailsTheRightPeopleOnceWithoutMedicalContent() throws Exception {
        LocalDate firstSickDay = LocalDate.of(2026, 3, 2);
        ApiCases.onDay(firstSickDay);
        caseId = cases.report("tim", firstSickDay);
        sendSignals();
        assertThat(mails()).containsExactly(
                "anna@example.org: Nieuwe taak: Ziekmelding doorgeven aan bedrijfsarts (zaak " + caseId
                        + "), uiterlijk " + dutch(openTask("ziekmeldingDoorgeven")));

        // The werkgever reports on time; the bedrijfsarts leaves the probleemanalyse (due in week 6) open.
        Function<String, Map<String, Object>> paOpen = key -> key.equals("probleemanalyseOpstellen") ? null
                : SimulatedAnswers.onTime(key);
        CasePlayer player = new CasePlayer(engine, caseId);
        player.playUntil(ApiCases.startOf(firstSickDay.plusDays(35)).toInstant().plusSeconds(9 * 3600), paOpen, 0);
        SMTP.purgeEmailFromAllMailboxes();
        sendSignals();
        Task analysis = openTask("probleemanalyseOpstellen");
        String due = "uiterlijk " + dutch(analysis);
        assertThat(mails()).containsExactly("eva@example.org: Nieuwe taak: Probleemanalyse opstellen (zaak " + caseId
                + "), " + due);

        // Its follow-up date (5 working days before the due date, Easter skipped) comes: a reminder, once however
        // often the sweep runs.
        assertThat(sweeps.queueFollowUps()).isEqualTo(1);
        assertThat(sweeps.queueFollowUps()).isZero();
        sendSignals();
        assertThat(mails()).last().isEqualTo("eva@example.org: Herinnering: Probleemanalyse opstellen (zaak " + caseId
                + ") moet " + due + " klaar zijn");

        // The deadline passes: the bedrijfsarts hears it, and the werkgever hears of the miss in his case.
        SMTP.purgeEmailFromAllMailboxes();
        player.playUntil(analysis.getDueDate().toInstant().plusSeconds(3600), paOpen, 0);
        sendSignals();
        assertThat(mails()).containsExactlyInAnyOrder(
                "eva@example.org: Termijn verstreken: Probleemanalyse opstellen (zaak " + caseId + "), " + due
                        .replace("uiterlijk", "uiterlijk was"),
                "anna@example.org: Termijn gemist door de bedrijfsarts: Probleemanalyse opstellen (zaak " + caseId
                        + "), " + due.replace("uiterlijk", "uiterlijk was"));

        // The analysis is done late; the plan van aanpak appears for the werkgever, without the analysis's contents.
        SMTP.purgeEmailFromAllMailboxes();
        engine.getTaskService().complete(analysis.getId(), SimulatedAnswers.onTime("probleemanalyseOpstellen"));
        sendSignals();
        assertThat(mails()).anySatisfy(mail -> assertThat(mail).startsWith(
                "anna@example.org: Nieuwe taak: Plan van aanpak opstellen (zaak " + caseId + ")"));
        assertThat(sweeps.queueFollowUps()).as("no reminder twice, no reminder of a passed deadline").isZero();

        assertThat(figures.queuedSince(ApiCases.startOf(firstSickDay).toInstant(), "acme-bouw")).contains(
                new SignalFigures.KindCount("DEADLINE_PASSED", 1), new SignalFigures.KindCount("FOLLOW_UP", 1),
                new SignalFigures.KindCount("MISS_FOR_EMPLOYER", 1));
        assertThat(figures.queuedSince(ApiCases.startOf(firstSickDay).toInstant(), "zorggroep-noord")).isEmpty();

        for (MimeMessage mail : SMTP.getReceivedMessages()) {
            String body = body(mail);
            assertThat(body).contains("/zaken/" + caseId).doesNotContain("Niet langer dan 2 uur", "tillen",
                    "Vermeulen", "Tim ");
        }
    }

    @Test
    @Order(2)
    void aUserWhoChoseADigestGetsOneMailADayInstead() throws Exception {
        assertThat(put("anna", "{\"delivery\": \"DAILY_DIGEST\"}").statusCode()).isEqualTo(200);
        assertThat(put("anna", "{\"delivery\": \"OFF\"}").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/me/signal-settings", "anna", "anna").body()).contains("DAILY_DIGEST");
        assertThat(http.get("/api/me/signal-settings", "daan", "daan").body()).as("each user's own choice")
                .contains("SINGLE");
        assertThat(http.get("/api/me/signal-settings").statusCode()).isEqualTo(401);

        LocalDate firstSickDay = LocalDate.of(2026, 3, 9);
        ApiCases.onDay(firstSickDay);
        caseId = cases.report("tim", firstSickDay);
        sendSignals();
        assertThat(mails()).isEmpty();

        assertThat(sweeps.queueDigests()).isEqualTo(1);
        assertThat(sweeps.queueDigests()).as("one digest a day").isZero();
        sendSignals();
        assertThat(mails()).containsExactly("anna@example.org: Spoorwijzer: uw meldingen van 9 maart 2026 (1)");
        assertThat(body(SMTP.getReceivedMessages()[0]))
                .contains("Nieuwe taak: Ziekmelding doorgeven aan bedrijfsarts (zaak " + caseId + ")");
    }

    @Test
    @Order(3)
    void theWerkgeverHearsOfTheBureausLateReportAndOnlyTheChosenBureauIsTold() throws Exception {
        LocalDate firstSickDay = LocalDate.of(2025, 1, 6);
        ApiCases.onDay(firstSickDay);
        caseId = cases.report("tim", firstSickDay);
        // Everyone acts at once, except the bureau (WerkFit, chosen at the referral), which never reports.
        new CasePlayer(engine, caseId).playUntil(ApiCases.startOf(firstSickDay.plusDays(480)).toInstant(),
                key -> key.equals("voortgangsrapportageOpstellen") ? null : SimulatedAnswers.onTime(key), 0);
        SMTP.purgeEmailFromAllMailboxes();
        sendSignals();

        List<String> mails = mails();
        assertThat(mails).anySatisfy(mail -> assertThat(mail).startsWith(
                "frank@example.org: Termijn verstreken: Voortgangsrapportage opstellen (zaak " + caseId + ")"));
        assertThat(mails).filteredOn(mail -> mail.startsWith("anna@example.org: Termijn gemist door het"
                + " re-integratiebureau: Voortgangsrapportage opstellen (zaak " + caseId + ")"))
                .as("the werkgever hears of the bureau's late report once").hasSize(1);
        sendSignals();
        assertThat(mails()).as("nothing sent twice").hasSameSizeAs(mails);
        assertThat(mails).noneSatisfy(mail -> assertThat(mail).startsWith("rosa@"))
                .noneSatisfy(mail -> assertThat(mail).startsWith("daan@"))
                .noneSatisfy(mail -> assertThat(mail).startsWith("ivo@"))
                .noneSatisfy(mail -> assertThat(mail).startsWith("hanna@"))
                .noneSatisfy(mail -> assertThat(mail).startsWith("wim@"));
    }

    @Test
    @Order(4)
    void aRetryMailsOnlyWhomTheFailedTryDidNotReachSpacedByTheRetryCycleThenAnIncident() throws Exception {
        User broken = identity.newUser("zz-kapot-adres");
        broken.setFirstName("Kapot");
        broken.setLastName("Adres");
        broken.setEmail("kapot adres@example.org"); // refused before it reaches the SMTP server
        identity.saveUser(broken);
        identity.createMembership(broken.getId(), "werkgever");
        identity.createTenantUserMembership("acme-bouw", broken.getId());
        try {
            LocalDate firstSickDay = LocalDate.of(2026, 3, 23);
            ApiCases.onDay(firstSickDay);
            caseId = cases.report("tim", firstSickDay);

            runSignalJobsOnce(); // the signal's job: one job per case manager
            runSignalJobsOnce(); // anna's mail goes out, the broken address's fails
            assertThat(mails()).containsExactly("anna@example.org: Nieuwe taak: Ziekmelding doorgeven aan"
                    + " bedrijfsarts (zaak " + caseId + "), uiterlijk " + dutch(openTask("ziekmeldingDoorgeven")));
            Job failed = signalJobs().get(0);
            assertThat(signalJobs()).hasSize(1);
            assertThat(failed.getRetries()).isEqualTo(2);
            assertThat(failed.getDuedate()).as("retried after the cycle's 5 minutes, not at once")
                    .isCloseTo(new Date(ClockUtil.getCurrentTime().getTime() + 5 * 60_000), 2_000);

            runSignalJobsOnce();
            runSignalJobsOnce();
            runSignalJobsOnce();
            assertThat(mails()).as("anna is not mailed again by the retries").hasSize(1);
            assertThat(signalJobs()).singleElement().satisfies(job -> assertThat(job.getRetries()).isZero());
            assertThat(engine.getRuntimeService().createIncidentQuery().incidentType("failedJob")
                    .configuration(failed.getId()).list()).singleElement()
                    .satisfies(incident -> assertThat(incident.getIncidentMessage())
                            .as("management reads incidents in Cockpit: no user, no address")
                            .contains("e-mail of signal").contains("not sent")
                            .doesNotContain("zz-kapot-adres").doesNotContain("Kapot").doesNotContain("example.org"));
            assertThat(engine.getManagementService().getJobExceptionStacktrace(failed.getId()))
                    .doesNotContain("zz-kapot-adres").doesNotContain("example.org");
            assertThat(engine.getHistoryService().createHistoricJobLogQuery().jobId(failed.getId()).failureLog()
                    .list()).isNotEmpty().allSatisfy(log -> assertThat(log.getJobExceptionMessage())
                            .doesNotContain("zz-kapot-adres").doesNotContain("example.org"));
        } finally {
            identity.deleteUser(broken.getId());
        }
    }

    @Test
    @Order(5)
    void aTaskOfARolesOwnGroupReachesTheUsersOfThatRoleInTheEmployersTenantOnly() throws Exception {
        List<String> arbodiensten = identity.createGroupQuery().groupType(Role.BEDRIJFSARTS.organisationType())
                .memberOfTenant("acme-bouw").list().stream().map(group -> group.getId()).toList();
        arbodiensten.forEach(group -> identity.deleteTenantGroupMembership("acme-bouw", group));
        User inHouse = professional("zz-ba-in-dienst", "acme-bouw");
        User elsewhere = professional("zz-ba-elders", null);
        try {
            LocalDate firstSickDay = LocalDate.of(2026, 3, 2);
            ApiCases.onDay(firstSickDay);
            caseId = cases.report("tim", firstSickDay);
            Function<String, Map<String, Object>> paOpen = key -> key.equals("probleemanalyseOpstellen") ? null
                    : SimulatedAnswers.onTime(key);
            new CasePlayer(engine, caseId).playUntil(
                    ApiCases.startOf(firstSickDay.plusDays(35)).toInstant().plusSeconds(9 * 3600), paOpen, 0);
            Task analysis = openTask("probleemanalyseOpstellen");
            assertThat(engine.getTaskService().getIdentityLinksForTask(analysis.getId()))
                    .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(Role.BEDRIJFSARTS.groupId()));
            SMTP.purgeEmailFromAllMailboxes();
            sendSignals();
            assertThat(mails()).containsExactly("zz-ba-in-dienst@example.org: Nieuwe taak: Probleemanalyse opstellen"
                    + " (zaak " + caseId + "), uiterlijk " + dutch(analysis));
        } finally {
            identity.deleteUser(inHouse.getId());
            identity.deleteUser(elsewhere.getId());
            arbodiensten.forEach(group -> identity.createTenantGroupMembership("acme-bouw", group));
        }
    }

    @Test
    @Order(6)
    void theJobLogOfASignalHasARemovalTimeSoTheHistoryCleanupRemovesIt() throws Exception {
        LocalDate firstSickDay = LocalDate.of(2026, 3, 30);
        ApiCases.onDay(firstSickDay);
        caseId = cases.report("tim", firstSickDay);
        List<String> before = engine.getHistoryService().createHistoricJobLogQuery()
                .jobDefinitionType(SignalJobHandler.TYPE).list().stream().map(HistoricJobLog::getId).toList();
        sendSignals();
        List<HistoricJobLog> logs = engine.getHistoryService().createHistoricJobLogQuery()
                .jobDefinitionType(SignalJobHandler.TYPE).list().stream()
                .filter(log -> !before.contains(log.getId())).toList();
        assertThat(logs).isNotEmpty().allSatisfy(log -> {
            assertThat(log.getProcessInstanceId()).isNull();
            assertThat(log.getRemovalTime()).as("removed after spoorwijzer.retention.history-days")
                    .isCloseTo(new Date(log.getTimestamp().getTime() + 730L * 86_400_000), 1_000);
        });

        // 731 days later the history cleanup (removal-time based) removes them.
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 731L * 86_400_000));
        Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
        List<String> ids = logs.stream().map(HistoricJobLog::getId).toList();
        for (int run = 0; run < 20 && !remaining(ids).isEmpty(); run++) { // other tests' history expires too
            engine.getManagementService().executeJob(cleanup.getId());
        }
        assertThat(remaining(ids)).as("the signal jobs' logs of this test").isEmpty();
    }

    private List<HistoricJobLog> remaining(List<String> ids) {
        return engine.getHistoryService().createHistoricJobLogQuery().jobDefinitionType(SignalJobHandler.TYPE).list()
                .stream().filter(log -> ids.contains(log.getId())).toList();
    }

    @Test
    @Order(7)
    void aSweepRunsOnOneNodeAtATimeAndItsDurationIsATimer() {
        OffsetDateTime now = OffsetDateTime.now();
        assertThat(runs.takeLease(SignalSweeps.FOLLOW_UP_RUN, "other-node", now, now.plusMinutes(30))).isTrue();
        try {
            assertThat(sweeps.queueFollowUps()).as("another node runs it").isEqualTo(-1);
        } finally {
            runs.releaseLease(SignalSweeps.FOLLOW_UP_RUN, "other-node", now, 0, 0);
        }
        long before = meters.get(SignalSweeps.TIMER).tag("sweep", "follow-up").timer().count();
        assertThat(sweeps.queueFollowUps()).isNotNegative();
        assertThat(sweeps.queueDigests()).isNotNegative();
        assertThat(meters.get(SignalSweeps.TIMER).tag("sweep", "follow-up").timer().count()).isEqualTo(before + 1);
        assertThat(meters.get(SignalSweeps.TIMER).tag("sweep", "digest").timer().count()).isPositive();
    }

    /**
     * Two nodes claim the same signal at once: the second waits for the first and is told "already claimed" — no
     * exception, and its transaction goes on (on PostgreSQL a unique key violation would abort the whole transaction,
     * and with it the task or timer that queued the signal).
     */
    @Test
    @Order(8)
    void aSignalClaimedByTwoNodesAtOnceIsClaimedOnceAndNeitherTransactionFails() throws Exception {
        TransactionTemplate first = new TransactionTemplate(transactions);
        first.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        String subject = "race-" + System.nanoTime();
        ExecutorService secondNode = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> second = first.execute(status -> {
                assertThat(ledger.claim(subject, SignalKind.FOLLOW_UP, null, OffsetDateTime.now())).isTrue();
                Future<Boolean> other = secondNode.submit(() -> new TransactionTemplate(transactions).execute(tx -> {
                    boolean claimed = ledger.claim(subject, SignalKind.FOLLOW_UP, null, OffsetDateTime.now());
                    jdbc.queryForObject("SELECT COUNT(*) FROM signal_sent", Long.class); // the transaction goes on
                    return claimed;
                }));
                awaitBlockedOrDone(other);
                return other;
            });
            assertThat(second.get(30, TimeUnit.SECONDS)).as("claimed by the first node").isFalse();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM signal_sent WHERE subject_id = ?", Long.class,
                    subject)).isEqualTo(1);
        } finally {
            secondNode.shutdownNow();
        }
    }

    /** Until the other transaction waits for this one's row lock (or finished without waiting), at most 5 s. */
    private void awaitBlockedOrDone(Future<?> other) {
        String waiting = postgres()
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND query LIKE 'INSERT INTO signal_sent%'"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                        + " WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO signal_sent%'";
        long until = System.nanoTime() + 5_000_000_000L;
        JdbcTemplate outside = new JdbcTemplate(dataSource);
        while (!other.isDone() && System.nanoTime() < until) {
            if (outside.queryForObject(waiting, Long.class) > 0) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    private boolean postgres() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
    }

    @Test
    @Order(9)
    void aFailingSmtpServerGivesAnIncidentAndNeverAFailedTask() throws Exception {
        LocalDate firstSickDay = LocalDate.of(2026, 3, 16);
        ApiCases.onDay(firstSickDay);
        caseId = cases.report("tim", firstSickDay);
        SMTP.stop();

        Task report = openTask("ziekmeldingDoorgeven");
        assertThatCode(() -> engine.getTaskService().complete(report.getId(),
                SimulatedAnswers.onTime("ziekmeldingDoorgeven"))).doesNotThrowAnyException();

        List<Job> signals = signalJobs();
        assertThat(signals).isNotEmpty();
        for (int attempt = 0; attempt < 4; attempt++) { // the signals' jobs, then three tries of each mail
            runSignalJobsOnce(); // the SMTP server is down: a mail's job keeps its signal and fails
        }
        assertThat(signalJobs()).isNotEmpty().allSatisfy(job -> assertThat(job.getRetries()).isZero());
        assertThat(engine.getRuntimeService().createIncidentQuery().incidentType("failedJob").list())
                .isNotEmpty().allSatisfy(incident -> assertThat(incident.getIncidentMessage()).isNotBlank());

        List<String> failed = signalJobs().stream().map(Job::getId).toList();
        assertThat(historicIncidents(failed)).as("a failed mail's incident is removed with the history too")
                .hasSameSizeAs(failed).allSatisfy(SignalsIT::removedAfterTheHistoryDays);
    }

    @Test
    @Order(10)
    void incidentsAndJobLogsOfSignalsFromBeforeTheRemovalTimeGetOneOnceAtStartUp() throws Exception {
        LocalDate firstSickDay = LocalDate.of(2026, 3, 23);
        ApiCases.onDay(firstSickDay);
        caseId = cases.report("tim", firstSickDay);
        if (SMTP.isRunning()) { // stopped by the test before when run in order
            SMTP.stop();
        }
        engine.getTaskService().complete(openTask("ziekmeldingDoorgeven").getId(),
                SimulatedAnswers.onTime("ziekmeldingDoorgeven"));
        for (int attempt = 0; attempt < 4; attempt++) {
            runSignalJobsOnce();
        }
        List<String> failed = signalJobs().stream().filter(job -> job.getRetries() == 0).map(Job::getId).toList();
        assertThat(failed).isNotEmpty();
        // As written before SignalJobHistory: no removal time on the incidents, the job logs and their stack traces.
        String jobs = String.join(",", failed.stream().map(id -> "'" + id + "'").toList());
        jdbc.update("UPDATE ACT_HI_INCIDENT SET REMOVAL_TIME_ = NULL WHERE CONFIGURATION_ IN (" + jobs + ")");
        jdbc.update("UPDATE ACT_GE_BYTEARRAY SET REMOVAL_TIME_ = NULL WHERE ID_ IN (SELECT JOB_EXCEPTION_STACK_ID_"
                + " FROM ACT_HI_JOB_LOG WHERE JOB_ID_ IN (" + jobs + "))");
        jdbc.update("UPDATE ACT_HI_JOB_LOG SET REMOVAL_TIME_ = NULL WHERE JOB_ID_ IN (" + jobs + ")");
        assertThat(historicIncidents(failed)).allSatisfy(incident -> assertThat(incident.getRemovalTime()).isNull());
        engine.getManagementService().deleteProperty(SignalHistoryUpgrade.DONE);

        historyUpgrade.run(null);

        assertThat(historicIncidents(failed)).hasSameSizeAs(failed)
                .allSatisfy(SignalsIT::removedAfterTheHistoryDays);
        List<HistoricJobLog> logs = engine.getHistoryService().createHistoricJobLogQuery()
                .jobDefinitionType(SignalJobHandler.TYPE).list().stream()
                .filter(log -> failed.contains(log.getJobId())).toList();
        assertThat(logs).isNotEmpty().allSatisfy(log -> assertThat(log.getRemovalTime())
                .isCloseTo(new Date(log.getTimestamp().getTime() + 730L * 86_400_000), 1_000));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_GE_BYTEARRAY WHERE REMOVAL_TIME_ IS NULL AND ID_ IN"
                + " (SELECT JOB_EXCEPTION_STACK_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_ID_ IN (" + jobs + "))",
                Integer.class)).as("the failures' stack traces").isZero();
        assertThat(engine.getManagementService().getProperties()).containsKey(SignalHistoryUpgrade.DONE);

        // once: a second start leaves the history alone
        jdbc.update("UPDATE ACT_HI_INCIDENT SET REMOVAL_TIME_ = NULL WHERE CONFIGURATION_ IN (" + jobs + ")");
        historyUpgrade.run(null);
        assertThat(historicIncidents(failed)).allSatisfy(incident -> assertThat(incident.getRemovalTime()).isNull());
        assertThat(historyUpgrade.giveIncidentsARemovalTime()).isEqualTo(failed.size());
    }

    private List<HistoricIncident> historicIncidents(List<String> jobIds) {
        return engine.getHistoryService().createHistoricIncidentQuery().incidentType("failedJob").list().stream()
                .filter(incident -> jobIds.contains(incident.getConfiguration())).toList();
    }

    private static void removedAfterTheHistoryDays(HistoricIncident incident) {
        assertThat(incident.getProcessInstanceId()).isNull();
        assertThat(incident.getRemovalTime()).as("removed after spoorwijzer.retention.history-days")
                .isCloseTo(new Date(incident.getCreateTime().getTime() + 730L * 86_400_000), 1_000);
    }

    private HttpResponse<String> put(String user, String body) {
        return http.send(http.request("/api/me/signal-settings").header("Content-Type", "application/json")
                .header("Authorization", HttpTestClient.basic(user, user))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private User professional(String id, String tenant) {
        User user = identity.newUser(id);
        user.setFirstName("Test");
        user.setLastName(id);
        user.setEmail(id + "@example.org");
        identity.saveUser(user);
        identity.createMembership(id, Role.BEDRIJFSARTS.groupId());
        if (tenant != null) {
            identity.createTenantUserMembership(tenant, id);
        }
        return user;
    }

    @Test
    @Order(8) // before the SMTP server is stopped
    void aRecipientsMailIsCheckedAgainWhenSentNoneForADoneTaskOrForWhomItNoLongerConcerns() throws Exception {
        LocalDate firstSickDay = LocalDate.of(2026, 4, 6);
        ApiCases.onDay(firstSickDay);
        caseId = cases.report("tim", firstSickDay);
        runSignalJobsOnce(); // the signal's job queues anna's own job
        assertThat(signalJobs()).as("anna's job waits").isNotEmpty();
        assertThat(mails()).isEmpty();

        // The werkgever hands the step to another user before anna's job runs: anna is no longer told.
        Task report = openTask("ziekmeldingDoorgeven");
        engine.getTaskService().setAssignee(report.getId(), "demo");
        sendSignals();
        assertThat(mails()).as("not one of the task's people any more").isEmpty();

        // A new case: its step is done before anna's job runs.
        cases.deleteWithHistory(caseId);
        ApiCases.onDay(firstSickDay.plusDays(7));
        caseId = cases.report("tim", firstSickDay.plusDays(7));
        runSignalJobsOnce();
        assertThat(signalJobs()).as("anna's job waits").isNotEmpty();
        engine.getTaskService().complete(openTask("ziekmeldingDoorgeven").getId(),
                SimulatedAnswers.onTime("ziekmeldingDoorgeven"));
        sendSignals();
        assertThat(mails()).as("the next step's people are mailed, of the done task no one").isNotEmpty().noneMatch(mail -> mail.contains("Ziekmelding doorgeven"));
    }

    private Task openTask(String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(key)
                .singleResult();
    }

    private String dutch(Task task) {
        LocalDate day = LocalDate.ofInstant(task.getDueDate().toInstant(), ApiCases.AMSTERDAM);
        return day.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.forLanguageTag("nl")));
    }

    private List<Job> signalJobs() {
        return engine.getManagementService().createJobQuery().messages().list().stream()
                .filter(job -> SignalJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType())).toList();
    }

    /** Runs every queued signal job and the per-recipient jobs they queue, as the job executor would. */
    private void sendSignals() {
        for (int round = 0; round < 5 && !signalJobs().isEmpty(); round++) {
            for (Job job : signalJobs()) {
                engine.getManagementService().executeJob(job.getId());
            }
        }
        assertThat(signalJobs()).as("every signal sent").isEmpty();
    }

    /** Runs each signal job that has retries left once; a failure is the job's, as with the job executor. */
    private void runSignalJobsOnce() {
        for (Job job : signalJobs()) {
            if (job.getRetries() > 0) {
                try {
                    engine.getManagementService().executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // the job keeps its signal, one retry less
                }
            }
        }
    }

    private static String body(MimeMessage mail) throws Exception {
        return mail.getContent().toString();
    }

    /** The mails received: "to: subject", in order. */
    private static List<String> mails() throws Exception {
        List<String> mails = new ArrayList<>();
        for (MimeMessage mail : SMTP.getReceivedMessages()) {
            String to = Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString)
                    .reduce((a, b) -> a + "," + b).orElse("");
            mails.add(to + ": " + mail.getSubject());
        }
        return mails;
    }
}
