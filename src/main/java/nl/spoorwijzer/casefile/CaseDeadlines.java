package nl.spoorwijzer.casefile;

import java.util.List;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.process.LegalTime;
import org.springframework.stereotype.Component;

/**
 * Keeps the deadline read model ({@code case_deadline}) of one case in step with its dossier: recomputed from the
 * dossier ({@link MilestoneStates}) and rewritten in the caller's transaction, which is the engine's when a step
 * completes, a timeline is (re)computed, a miss is recorded or the case closes.
 */
@Component
public class CaseDeadlines {

    private final CaseFileRepository cases;
    private final DossierRepository dossier;
    private final CaseDeadlineRepository deadlines;
    private final MilestoneStates states;
    private final LegalTime time;

    public CaseDeadlines(CaseFileRepository cases, DossierRepository dossier, CaseDeadlineRepository deadlines,
                         MilestoneStates states, LegalTime time) {
        this.cases = cases;
        this.dossier = dossier;
        this.deadlines = deadlines;
        this.states = states;
        this.time = time;
    }

    /** Recomputes the case's rows; a case without a computed timeline has none. */
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
        deadlines.replace(caseId, employer, !CaseFile.CLOSED.equals(known.status()),
                states.of(known, entries, time.today()));
    }
}
