package nl.spoorwijzer.process;

import static nl.spoorwijzer.process.ProcessVariables.AANTAL_SOLLICITATIES;
import static nl.spoorwijzer.process.ProcessVariables.LAATSTE_SOLLICITATIE;
import static nl.spoorwijzer.process.ProcessVariables.SOLLICITATIES_SINDS_VORIGE_RAPPORTAGE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Sollicitatie tellen": after the employee registered a job application (its details are in the dossier through
 * the task), keeps the count, the last date and the count since the bureau's last progress report in the
 * trajectory, and the count and last date on the case that called it, where the werkgever follows them.
 */
@Component("jobApplicationCounter")
public class JobApplicationCounter implements JavaDelegate {

    private final LegalTime time;

    public JobApplicationCounter(LegalTime time) {
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(AANTAL_SOLLICITATIES, count(execution, AANTAL_SOLLICITATIES) + 1);
        execution.setVariable(SOLLICITATIES_SINDS_VORIGE_RAPPORTAGE,
                count(execution, SOLLICITATIES_SINDS_VORIGE_RAPPORTAGE) + 1);
        Object date = execution.getVariable("sollicitatieDatum");
        String lastDate = (date == null ? time.today() : time.toDate(date)).toString();
        execution.setVariable(LAATSTE_SOLLICITATIE, lastDate);
        DelegateExecution caseExecution = execution.getProcessInstance().getSuperExecution();
        if (caseExecution != null) {
            caseExecution.getProcessInstance().setVariable(AANTAL_SOLLICITATIES,
                    count(execution, AANTAL_SOLLICITATIES));
            caseExecution.getProcessInstance().setVariable(LAATSTE_SOLLICITATIE, lastDate);
        }
    }

    static int count(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        return value instanceof Number number ? number.intValue() : 0;
    }
}
