package nl.spoorwijzer.employment;

import static nl.spoorwijzer.process.ProcessVariables.CONTRACT_EINDDATUM;
import static nl.spoorwijzer.process.ProcessVariables.CONTRACT_EINDE;
import static nl.spoorwijzer.process.ProcessVariables.CONTRACT_EINDE_BEKEND;
import static nl.spoorwijzer.process.ProcessVariables.EINDEVALUATIE_BIJ_UITDIENST;
import static nl.spoorwijzer.process.ProcessVariables.ZIEK_UIT_DIENSTMELDING_DUE;
import static nl.spoorwijzer.process.ProcessVariables.ZIEK_UIT_DIENSTMELDING_TASK_START;

import java.time.LocalDate;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.timeline.ContractEnd.Riv;
import nl.spoorwijzer.timeline.ContractEnd;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Einde dienstverband plannen": from the contract's last day ({@code contractEinddatum}) the instants the model's
 * timers and the ziek-uit-dienstmelding's task read: the end of the contract's last day, the end of the last working
 * day (the melding's due date) and the day its task appears. Runs when the case starts and again each time the
 * werkgever changes the date.
 */
@Component("contractEndPlanning")
class ContractEndPlanning implements JavaDelegate {

    private final ContractEnd rules;
    private final RequiredReport report;
    private final LegalTime time;

    ContractEndPlanning(ContractEnd rules, RequiredReport report, LegalTime time) {
        this.rules = rules;
        this.report = report;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate contractEnd = time.toDate(execution.getVariable(CONTRACT_EINDDATUM));
        execution.setVariable(CONTRACT_EINDE_BEKEND, contractEnd != null);
        if (contractEnd == null) {
            execution.removeVariable(CONTRACT_EINDE);
            execution.removeVariable(ZIEK_UIT_DIENSTMELDING_DUE);
            execution.removeVariable(ZIEK_UIT_DIENSTMELDING_TASK_START);
            execution.removeVariable(EINDEVALUATIE_BIJ_UITDIENST);
            return;
        }
        execution.setVariable(CONTRACT_EINDDATUM, contractEnd.toString());
        execution.setVariable(CONTRACT_EINDE, time.endOfDay(contractEnd));
        execution.setVariable(ZIEK_UIT_DIENSTMELDING_DUE, time.endOfDay(rules.reportDue(contractEnd)));
        execution.setVariable(ZIEK_UIT_DIENSTMELDING_TASK_START, time.startOfDay(rules.reportTaskStart(contractEnd)));
        execution.setVariable(EINDEVALUATIE_BIJ_UITDIENST, report.at(execution, contractEnd) == Riv.VOLLEDIG);
    }
}
