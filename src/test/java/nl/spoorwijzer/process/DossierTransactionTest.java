package nl.spoorwijzer.process;

import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/** Recording a decision in the dossier and completing its task are one transaction: both happen or neither. */
@SpringBootTest
class DossierTransactionTest {

    @Autowired ProcessEngine engine;
    @MockitoSpyBean DossierRepository dossierRepository;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aTaskCompletionWhoseDossierEntryCannotBeWrittenIsRolledBack() {
        LocalDate firstSickDay = LocalDate.of(2025, 3, 3);
        ClockUtil.setCurrentTime(CaseDriver.at(firstSickDay.plusDays(2), LocalTime.of(10, 0)));
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("poortwachter",
                "ZV-TX-1", Map.of("werknemerId", "tx-werknemer", "werkgeverId", "acme-bouw",
                        "eersteZiektedag", firstSickDay.toString()));
        CaseDriver driver = new CaseDriver(engine, instance, firstSickDay);
        doThrow(new DataAccessResourceFailureException("database unavailable"))
                .when(dossierRepository).append(argThat(entry -> entry.type() == DossierEntryType.TASK_COMPLETED));

        Assertions.assertThatThrownBy(() -> driver.complete("ziekmeldingDoorgeven",
                        SimulatedAnswers.defaults("ziekmeldingDoorgeven")))
                .hasRootCauseInstanceOf(DataAccessResourceFailureException.class);

        Assertions.assertThat(driver.openTask("ziekmeldingDoorgeven")).as("the task is still open").isPresent();
        Assertions.assertThat(driver.openTask("probleemanalyseOpstellen")).isEmpty();
        Assertions.assertThat(engine.getRuntimeService().getVariable(instance.getId(), "bedrijfsarts"))
                .as("the submitted values were rolled back with the completion").isNull();
        Assertions.assertThat(dossierRepository.findByCase("ZV-TX-1")).extracting(e -> e.type())
                .containsExactly(DossierEntryType.TIMELINE_COMPUTED);
    }
}
