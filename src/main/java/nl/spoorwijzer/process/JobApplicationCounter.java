package nl.spoorwijzer.process;

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

    public static final String TOTAL = "aantalSollicitaties";
    public static final String LAST_DATE = "laatsteSollicitatie";
    public static final String SINCE_LAST_REPORT = "sollicitatiesSindsVorigeRapportage";

    private final LegalTime time;

    public JobApplicationCounter(LegalTime time) {
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(TOTAL, count(execution, TOTAL) + 1);
        execution.setVariable(SINCE_LAST_REPORT, count(execution, SINCE_LAST_REPORT) + 1);
        Object date = execution.getVariable("sollicitatieDatum");
        String lastDate = (date == null ? time.today() : time.toDate(date)).toString();
        execution.setVariable(LAST_DATE, lastDate);
        DelegateExecution caseExecution = execution.getProcessInstance().getSuperExecution();
        if (caseExecution != null) {
            caseExecution.getProcessInstance().setVariable(TOTAL, count(execution, TOTAL));
            caseExecution.getProcessInstance().setVariable(LAST_DATE, lastDate);
        }
    }

    static int count(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        return value instanceof Number number ? number.intValue() : 0;
    }
}
