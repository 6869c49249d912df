package nl.spoorwijzer.ownwork;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.process.CaseAction;
import nl.spoorwijzer.process.LegalTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When "Voortgang evalueren" appears: its form shows the opbouw period that runs, the hours worked (the last recorded
 * week, otherwise the hours the period plans: the werkgever corrects them) and the latest loonwaarde the werkgever
 * recorded (seed 000: "ken loonwaarde toe n.a.v. de prestaties in eigen taken"). They are the task's own variables,
 * so the evaluation's dossier entry records the loonwaarde it looked at.
 */
@Component("ownWorkEvaluationFacts")
class EvaluationFacts implements TaskListener {

    static final String OPBOUW_PERIODE = "opbouwPeriode";
    static final String GEWERKTE_UREN = "gewerkteUren";
    static final String LAATSTE_LOONWAARDE = "laatsteLoonwaarde";

    private final DossierRepository dossier;
    private final LegalTime time;

    EvaluationFacts(DossierRepository dossier, LegalTime time) {
        this.dossier = dossier;
        this.time = time;
    }

    @Override
    public void notify(DelegateTask task) {
        String caseId = task.getExecution().getProcessBusinessKey();
        if (caseId == null) {
            return;
        }
        List<DossierEntry> entries = dossier.findByCase(caseId);
        LocalDate today = time.today();
        Optional<Schedule.Period> period = Schedule.current(entries).flatMap(schedule -> schedule.periodOn(today));
        period.ifPresent(running -> task.setVariableLocal(OPBOUW_PERIODE, running.from() + " t/m " + running.to()
                + ": " + running.hoursPerWeek().stripTrailingZeros().toPlainString() + " uur per week; "
                + running.tasks()));
        var weeks = WorkResumptionHours.weeks(entries);
        BigDecimal worked = weeks.isEmpty() ? period.map(Schedule.Period::hoursPerWeek).orElse(null)
                : weeks.lastEntry().getValue().workedHours();
        if (worked != null) {
            task.setVariableLocal(GEWERKTE_UREN, worked.doubleValue());
        }
        latestWageValue(entries).ifPresent(text -> task.setVariableLocal(LAATSTE_LOONWAARDE, text));
    }

    /** The latest loonwaarde recorded with the case action "Loonwaarde of proefplaatsing vastleggen". */
    static Optional<String> latestWageValue(List<DossierEntry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            DossierEntry entry = entries.get(i);
            Map<String, Object> content = entry.content();
            if (entry.type() == DossierEntryType.TASK_COMPLETED
                    && CaseAction.PLACEMENT.elementId().equals(entry.elementId())
                    && "loonwaarde".equals(content.get("registratieSoort"))
                    && content.get("loonwaardePercentage") != null) {
                return Optional.of(new BigDecimal(content.get("loonwaardePercentage").toString()).stripTrailingZeros()
                        .toPlainString() + "% (vastgelegd op " + entry.recordedAt().toLocalDate() + ")");
            }
        }
        return Optional.empty();
    }
}
