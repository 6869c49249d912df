package nl.spoorwijzer.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.cases.CaseIntake;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.migration.MigrationFixtures;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.recovery.CaseRecovery;
import nl.spoorwijzer.uwv.UwvDecisions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The simulation on an engine (here the test's own; on the platform it runs in a JVM of its own): a candidate that
 * adds a task before the 42e-weeksmelding and moves the timer that starts it from two weeks before the deadline to
 * the deadline shows exactly that — one task appears, the melding's task appears 14 days later with the same due date
 * (and therefore misses it: its escalation appears).
 */
@SpringBootTest
class WhatIfRunTest {

    @Autowired ProcessEngine engine;
    @Autowired CaseIntake intake;
    @Autowired CaseFileRepository cases;
    @Autowired CaseRecovery recovery;
    @Autowired UwvDecisions uwv;
    @Autowired DossierRepository dossier;

    @AfterEach
    void todaysModels() throws IOException {
        ClockUtil.reset();
        new MigrationFixtures(engine).deployTodaysModels();
    }

    @Test
    void aCandidateThatAddsATaskAndMovesATimerShowsExactlyThat() throws IOException {
        Map<String, byte[]> candidate = new LinkedHashMap<>(MigrationFixtures.forms());
        candidate.put("poortwachter.bpmn", MigrationFixtures.version2("90.0.0", model -> { }));
        SampleCase onTime = SampleCase.ALL.get(0);

        SimulationResult result = new WhatIfRun(engine, intake, cases, recovery, uwv, dossier, List.of(onTime))
                .run(List.of(), new WhatIfRun.Models("kandidaat", candidate));

        SimulationResult.CaseResult played = result.cases().get(0);
        Trace.Item melding = played.current().tasks().stream()
                .filter(task -> task.key().equals("ziekmeldingUwvDoen")).findFirst().orElseThrow();
        LocalDate deadline = LocalDate.parse(melding.date());
        assertThat(LocalDate.parse(melding.created())).as("version 1 starts the melding two weeks before")
                .isEqualTo(deadline.minusDays(14));
        assertThat(played.tasks().disappeared()).isEmpty();
        // The timer now fires on the melding's deadline itself, so the melding's deadline passes as its task appears:
        // the escalation is a consequence of the candidate the process owner should see before it is real.
        assertThat(played.tasks().appeared()).extracting(Trace.Item::key, Trace.Item::created)
                .containsExactlyInAnyOrder(tuple(MigrationFixtures.ADDED_TASK, deadline.toString()),
                        tuple(ProcessKeys.Tasks.TERMIJN_OVERSCHREDEN_AFHANDELEN, deadline.toString()));
        assertThat(played.tasks().moved()).containsExactly(new Differences.Moved("ziekmeldingUwvDoen",
                melding.label(), melding.date(), melding.date(), deadline.minusDays(14).toString(),
                deadline.toString()));
        assertThat(played.dossier().moved()).as("the melding is recorded on the deadline")
                .anySatisfy(moved -> {
                    assertThat(moved.key()).endsWith("ziekmeldingUwvDoen");
                    assertThat(moved.to()).isEqualTo(deadline.toString());
                });
    }
}
