package nl.spoorwijzer.casefile;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spoorwijzer.casefile.CaseDeadlineRepository.Row;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.process.LegalTime;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Where each report of the re-integratiebureau stands ({@link BureauReport}), one row per report by its due date: a
 * completed report is on time or late as its dossier entry says (the task's due date and whether it was met); a
 * report whose deadline passed ({@code DEADLINE_MISSED}) and that was not delivered is missed; the open report is to
 * come — its due date is the open task's, as the dossier knows a report's due date only once it is delivered or missed.
 * The next progress report is to come as soon as the trajectory planned it ({@link PlannedReports}), before its task
 * appears the lead days before its date.
 */
@Component
public class BureauReportStates {

    private final LegalTime time;

    public BureauReportStates(LegalTime time) {
        this.time = time;
    }

    /** Whether an entry is a report's delivery or miss. */
    public static boolean concerns(DossierEntry entry) {
        return (entry.type() == DossierEntryType.TASK_COMPLETED || entry.type() == DossierEntryType.DEADLINE_MISSED)
                && BureauReport.ofTask(entry.elementId()).isPresent();
    }

    /**
     * @param openTasks the case's open tasks (others than the reports are ignored)
     */
    public List<Row> of(List<DossierEntry> entries, Collection<? extends Task> openTasks, LocalDate today) {
        return of(entries, openTasks, Optional.empty(), today);
    }

    /**
     * @param openTasks the case's open tasks (others than the reports are ignored)
     * @param plannedProgressReport the due day of the next progress report its trajectory planned, if any
     */
    public List<Row> of(List<DossierEntry> entries, Collection<? extends Task> openTasks,
                        Optional<LocalDate> plannedProgressReport, LocalDate today) {
        Map<String, Row> reports = new LinkedHashMap<>();
        for (DossierEntry entry : entries) {
            Optional<BureauReport> report = BureauReport.ofTask(entry.elementId());
            if (report.isEmpty() || entry.dueDate() == null) {
                continue;
            }
            String id = report.get().key() + "|" + entry.dueDate();
            if (entry.type() == DossierEntryType.TASK_COMPLETED) {
                LocalDate done = time.dayOf(entry.recordedAt());
                boolean late = Boolean.FALSE.equals(entry.deadlineMet());
                reports.put(id, row(report.get(), entry.dueDate(), late ? DeadlineState.TE_LAAT : DeadlineState.OP_TIJD,
                        done, late ? (int) Math.max(0, ChronoUnit.DAYS.between(entry.dueDate(), done)) : null));
            } else if (entry.type() == DossierEntryType.DEADLINE_MISSED) {
                reports.putIfAbsent(id, row(report.get(), entry.dueDate(), DeadlineState.GEMIST, null, null));
            }
        }
        for (Task task : openTasks) {
            Optional<BureauReport> report = BureauReport.ofTask(task.getTaskDefinitionKey());
            if (report.isEmpty() || task.getDueDate() == null) {
                continue;
            }
            LocalDate due = time.dayOf(task.getDueDate());
            reports.putIfAbsent(report.get().key() + "|" + due, row(report.get(), due,
                    today.isAfter(due) ? DeadlineState.GEMIST : DeadlineState.KOMEND, null, null));
        }
        plannedProgressReport.ifPresent(due -> reports.putIfAbsent(
                BureauReport.VOORTGANGSRAPPORTAGE_BUREAU.key() + "|" + due, row(BureauReport.VOORTGANGSRAPPORTAGE_BUREAU,
                        due, today.isAfter(due) ? DeadlineState.GEMIST : DeadlineState.KOMEND, null, null)));
        return List.copyOf(reports.values());
    }

    private static Row row(BureauReport report, LocalDate due, DeadlineState state, LocalDate doneOn,
                           Integer daysLate) {
        return new Row(report.key(), due, state, doneOn, daysLate, BureauReport.ROLE);
    }
}
