package nl.spoorwijzer.report;

import java.util.stream.Collectors;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.report.ReintegrationReport.Part;
import nl.spoorwijzer.report.ReintegrationReport.Status;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Shows the completeness check on the Tasklist task "Re-integratieverslag samenstellen": what UWV would miss now,
 * and which required parts are still to come, in the task variable {@code rivVolledigheid}.
 */
@Component("rivCompleteness")
class RivCompletenessListener implements TaskListener {

    private final ReintegrationReports reports;
    private final CaseFileRepository cases;

    RivCompletenessListener(ReintegrationReports reports, CaseFileRepository cases) {
        this.reports = reports;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        cases.find(task.getExecution().getProcessBusinessKey()).ifPresent(file ->
                task.setVariableLocal(ProcessVariables.RIV_VOLLEDIGHEID, summary(reports.compile(file))));
    }

    static String summary(ReintegrationReport report) {
        StringBuilder text = new StringBuilder();
        if (report.completeness().complete()) {
            text.append("Alle verplichte onderdelen die nu nodig zijn, zijn aanwezig en op tijd.");
        } else {
            report.completeness().findings().forEach(finding -> text.append(finding.status().label()).append(": ")
                    .append(finding.explanation()).append('\n'));
        }
        String toCome = report.parts().stream().filter(part -> part.required() && part.status() == Status.NOG_NIET_NODIG)
                .map(Part::title).collect(Collectors.joining(", "));
        if (!toCome.isEmpty()) {
            text.append("\nNog te doen: ").append(toCome).append('.');
        }
        return text.toString().strip();
    }
}
