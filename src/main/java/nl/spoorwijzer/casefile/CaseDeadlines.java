package nl.spoorwijzer.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.spoorwijzer.casefile.CaseDeadlineRepository.Row;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.process.LegalTime;
import org.springframework.stereotype.Component;

/**
 * Keeps the deadline read model ({@code case_deadline}) of one case in step with its dossier: recomputed from the
 * dossier ({@link MilestoneStates} for the legal milestones, {@link BureauReportStates} for the bureau's reports with
 * the open report's due date from its task, the next one's from its trajectory's plan) and rewritten in the caller's transaction, which is the engine's when a
 * step completes, a timeline is (re)computed, a miss is recorded, a report of the bureau is due or the case closes.
 */
@Component
public class CaseDeadlines {

    private final CaseFileRepository cases;
    private final DossierRepository dossier;
    private final CaseDeadlineRepository deadlines;
    private final MilestoneStates states;
    private final BureauReportStates reports;
    private final OpenCaseTasks openTasks;
    private final PlannedReports plannedReports;
    private final LegalTime time;

    public CaseDeadlines(CaseFileRepository cases, DossierRepository dossier, CaseDeadlineRepository deadlines,
                         MilestoneStates states, BureauReportStates reports, OpenCaseTasks openTasks,
                         PlannedReports plannedReports, LegalTime time) {
        this.reports = reports;
        this.plannedReports = plannedReports;
        this.openTasks = openTasks;
        this.cases = cases;
        this.dossier = dossier;
        this.deadlines = deadlines;
        this.states = states;
        this.time = time;
    }

    /** Recomputes the case's rows; in an engine command. A case without a computed timeline has none. */
    public void refresh(String caseId) {
        // Two transactions that rewrite the same case's rows (a completed step and a miss recorded by a timer) run
        // one after the other: otherwise the second's insert meets the first's rows.
        cases.lockForChange(caseId);
        List<DossierEntry> entries = dossier.findByCase(caseId);
        if (entries.isEmpty()) {
            return;
        }
        CaseFile file = cases.find(caseId).orElse(null);
        String employer = file != null ? file.employerId() : entries.get(0).tenantId();
        if (employer == null) {
            return;
        }
        CaseFile known = file != null ? file : new CaseFile(caseId, entries.get(0).processInstanceId(), employer,
                null, null, CaseFile.OPEN, CasePhase.ZIEKMELDING, null, null, null, null, null, null);
        LocalDate today = time.today();
        List<Row> rows = new ArrayList<>();
        // milestones without a step are dates to know, not deadlines
        states.of(known, entries, today).stream().filter(milestone -> milestone.role() != null)
                .forEach(milestone -> rows.add(new Row(milestone.key().key(), milestone.date(), milestone.state(),
                        milestone.doneOn(), milestone.daysLate(), milestone.role())));
        rows.addAll(reports.of(entries, openTasks.inContext(caseId).values(),
                plannedReports.nextProgressReport(caseId), today));
        deadlines.replace(caseId, employer, !CaseFile.CLOSED.equals(known.status()), rows);
    }
}
