package nl.spoorwijzer.activities;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.process.CaseAction;
import nl.spoorwijzer.system.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * Writes a case action into the dossier as the task it replaced was recorded: a {@code TASK_COMPLETED} entry under
 * the task's id and name with every field of its form, who and in which role.
 */
@Component
class ActionRecords {

    /** The role recorded when the administrator records an action for a party. */
    static final String ADMIN_ROLE = "beheerder";

    private final DossierRepository dossier;
    private final CaseAccess access;
    private final Clock clock;

    ActionRecords(DossierRepository dossier, CaseAccess access, Clock clock) {
        this.dossier = dossier;
        this.access = access;
        this.clock = clock;
    }

    DossierEntry record(CaseFile file, String processInstanceId, CaseAction action, String role,
                        Map<String, Object> values) {
        return dossier.appendReturning(new DossierEntry(null, file.caseId(), processInstanceId, file.employerId(),
                DossierEntryType.TASK_COMPLETED, action.subject(), action.elementId(), access.callerId(), role,
                OffsetDateTime.now(clock), null, null, values));
    }

    /** A recovered case's work is paused and a closed case's is over: actions are for running cases. */
    static void requireOpen(CaseFile file, String rule) {
        if (!CaseFile.OPEN.equals(file.status())) {
            throw RuleViolationException.conflict("caseId", "the case is " + file.status().toLowerCase() + "; "
                    + rule);
        }
    }
}
