package nl.spoorwijzer.simulation;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.cases.CaseIntake;
import nl.spoorwijzer.cases.IntakeRequest;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.recovery.CaseRecovery;
import nl.spoorwijzer.recovery.RecoveryRequest;
import nl.spoorwijzer.uwv.UwvDecisionRequest;
import nl.spoorwijzer.uwv.UwvDecisions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/**
 * The what-if simulation itself (issue 28), on a throw-away engine only ({@link SimulationMain} runs it in a JVM of
 * its own): deploys the current models, plays every {@link SampleCase} on them, deploys the candidate (checked by the
 * same deployment rules as any deployment), plays the sample cases again and compares. Moves the engine clock, which
 * is why it must never run inside the platform.
 */
final class WhatIfRun {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** Every sample case falls ill on this Monday (in the past, so no date is refused as in the future). */
    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2024, 1, 8);
    static final String EMPLOYER = "voorbeeld-bv";
    static final String ACTOR = "simulatie";

    private final ProcessEngine engine;
    private final CaseIntake intake;
    private final CaseFileRepository cases;
    private final CaseRecovery recovery;
    private final UwvDecisions uwv;
    private final DossierRepository dossier;
    private final List<SampleCase> samples;

    WhatIfRun(ProcessEngine engine, CaseIntake intake, CaseFileRepository cases, CaseRecovery recovery,
              UwvDecisions uwv, DossierRepository dossier, List<SampleCase> samples) {
        this.engine = engine;
        this.intake = intake;
        this.cases = cases;
        this.recovery = recovery;
        this.uwv = uwv;
        this.dossier = dossier;
        this.samples = samples;
    }

    /** One deployment: its files by name. */
    record Models(String name, Map<String, byte[]> files) {
    }

    /**
     * Plays the sample cases on {@code current} (deployed in order; the shipped models are deployed already) and
     * then on {@code candidate}; a candidate the rules refuse throws their {@code RuleViolationException}.
     */
    SimulationResult run(List<Models> current, Models candidate) {
        createSampleParties();
        current.forEach(this::deploy);
        List<Trace> before = playAll("H");
        deploy(candidate);
        List<Trace> after = playAll("K");
        List<SimulationResult.CaseResult> results = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            SampleCase sample = samples.get(i);
            results.add(new SimulationResult.CaseResult(sample.id(), sample.title(), before.get(i), after.get(i),
                    Differences.between(before.get(i).tasks(), after.get(i).tasks()),
                    Differences.between(before.get(i).dossier(), after.get(i).dossier())));
        }
        return new SimulationResult(FIRST_SICK_DAY.toString(), results, null);
    }

    private void deploy(Models models) {
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name(models.name());
        models.files().forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
        builder.deploy();
    }

    private List<Trace> playAll(String run) {
        List<Trace> traces = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            traces.add(play(samples.get(i), "voorbeeld-" + run.toLowerCase() + "-" + (i + 1)));
        }
        ClockUtil.reset();
        return traces;
    }

    private Trace play(SampleCase sample, String employee) {
        createEmployee(employee);
        ClockUtil.setCurrentTime(at(FIRST_SICK_DAY));
        String caseId = asEmployer(() -> intake.open(new IntakeRequest(employee, EMPLOYER,
                FIRST_SICK_DAY.toString(), null, null)).caseId());
        CasePlayer player = new CasePlayer(engine, caseId);
        for (SampleCase.Step step : sample.steps()) {
            LocalDate day = FIRST_SICK_DAY.plusDays(step.day() - 1L);
            switch (step.kind()) {
                case PLAY_UNTIL -> player.playUntil(at(day).toInstant(), SimulatedAnswers::onTimeOrEmpty,
                        sample.lateByDays());
                case RECOVER -> asEmployer(() -> {
                    recovery.recover(file(caseId), new RecoveryRequest(day.toString(), null));
                    return null;
                });
                case RELAPSE -> asEmployer(() -> intake.open(new IntakeRequest(employee, EMPLOYER, day.toString(),
                        null, null)));
                case VVL -> asEmployer(() -> uwv.record(file(caseId), new UwvDecisionRequest("VVL", day.toString(),
                        13, null, true, true, null, null, null, null, null, null, null, null)));
            }
        }
        return trace(caseId);
    }

    private CaseFile file(String caseId) {
        return cases.find(caseId).orElseThrow();
    }

    private Trace trace(String caseId) {
        List<Trace.Item> tasks = engine.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(caseId).orderByHistoricActivityInstanceStartTime().asc()
                .orderByTaskDefinitionKey().asc().list().stream()
                .map(task -> new Trace.Item(task.getTaskDefinitionKey(), task.getName(), day(task.getDueDate()),
                        day(task.getStartTime()))).toList();
        List<Trace.Item> entries = dossier.findByCase(caseId).stream().map(WhatIfRun::item).toList();
        return new Trace(tasks, entries);
    }

    private static Trace.Item item(DossierEntry entry) {
        String key = entry.type().name() + ":" + (entry.elementId() != null ? entry.elementId() : entry.subject());
        return new Trace.Item(key, entry.subject(), entry.recordedAt() == null ? null
                : entry.recordedAt().atZoneSameInstant(AMSTERDAM).toLocalDate().toString(), null);
    }

    private static String day(Date date) {
        return date == null ? null : LocalDate.ofInstant(date.toInstant(), AMSTERDAM).toString();
    }

    private static Date at(LocalDate day) {
        return Date.from(day.atTime(LocalTime.of(9, 0)).atZone(AMSTERDAM).toInstant());
    }

    /** The sample cases' employer acts through the platform's own services, as the administrator of this engine. */
    private <T> T asEmployer(java.util.function.Supplier<T> work) {
        IdentityService identity = engine.getIdentityService();
        identity.setAuthentication(ACTOR, List.of("camunda-admin", Role.WERKGEVER.groupId()), List.of(EMPLOYER));
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** An invented employer and the organisations the simulated answers choose. */
    private void createSampleParties() {
        IdentityService identity = engine.getIdentityService();
        if (identity.createTenantQuery().tenantId(EMPLOYER).count() > 0) {
            return;
        }
        Tenant tenant = identity.newTenant(EMPLOYER);
        tenant.setName("Voorbeeld B.V. (simulatie)");
        identity.saveTenant(tenant);
        for (String bureau : List.of(SimulatedAnswers.BUREAU, SimulatedAnswers.OTHER_BUREAU)) {
            if (identity.createGroupQuery().groupId(bureau).count() == 0) {
                Group group = identity.newGroup(bureau);
                group.setName("Voorbeeldbureau " + bureau);
                group.setType(Role.RE_INTEGRATIEBUREAU.organisationType());
                identity.saveGroup(group);
            }
            identity.createTenantGroupMembership(EMPLOYER, bureau);
        }
    }

    private void createEmployee(String id) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName("Voorbeeld");
        user.setLastName("Werknemer");
        identity.saveUser(user);
        identity.createMembership(id, Role.WERKNEMER.groupId());
        identity.createTenantUserMembership(EMPLOYER, id);
    }
}
