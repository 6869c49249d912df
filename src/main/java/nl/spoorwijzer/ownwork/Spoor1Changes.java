package nl.spoorwijzer.ownwork;

import static nl.spoorwijzer.process.ProcessVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.system.RequestValues;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.timeline.OwnWorkCadence;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * Changes that ask for the spoor 1 options to be assessed again (seed 000: "bijvoorbeeld als de belastbaarheid van
 * werknemer verandert, de organisatie verandert of een nieuwe functie of vacature ontstaat"): the werkgever reports
 * them, the bedrijfsarts a changed belastbaarheid too. Each is a dossier entry and gives the werkgever the task
 * "Mogelijkheden spoor 1 opnieuw beoordelen" (message {@value ProcessKeys.Messages#SPOOR1_HERBEOORDELEN}), whose "no"
 * must be motivated. A changed belastbaarheid while a spoor 2 trajectory runs is passed on to its bureau (seed 003:
 * "Wanneer de benutbare mogelijkheden wijzigen dient de werkgever de uitvoerder op de hoogte te brengen").
 */
@Service
class Spoor1Changes {

    /** spoor-2-traject's event subprocess that gives the bureau "Gewijzigde belastbaarheid verwerken". */
    static final String BELASTBAARHEID_GEWIJZIGD = "BelastbaarheidGewijzigd";
    /** The text the bureau's task shows (no medical details). */
    static final String BELASTBAARHEID_WIJZIGING = "belastbaarheidWijziging";
    static final int MIN_DESCRIPTION = 10;

    record ChangeRequest(String kind, String description, String date) {
    }

    private final CaseAccess access;
    private final DossierRepository dossier;
    private final RuntimeService runtimeService;
    private final OwnWorkCadence cadence;
    private final LegalTime time;
    private final Clock clock;

    Spoor1Changes(CaseAccess access, DossierRepository dossier, RuntimeService runtimeService, OwnWorkCadence cadence,
                  LegalTime time, Clock clock) {
        this.access = access;
        this.dossier = dossier;
        this.runtimeService = runtimeService;
        this.cadence = cadence;
        this.time = time;
        this.clock = clock;
    }

    DossierEntry report(CaseFile file, ChangeRequest request) {
        ChangeRequest given = request == null ? new ChangeRequest(null, null, null) : request;
        boolean werkgever = access.mayReportFor(file.employerId(), Role.WERKGEVER);
        boolean bedrijfsarts = !werkgever && access.mayReportFor(file.employerId(), Role.BEDRIJFSARTS);
        if (!werkgever && !bedrijfsarts) {
            throw RuleViolationException.notAllowed("caseId", "changes for spoor 1 are reported by the werkgever of"
                    + " employer '" + file.employerId() + "' (a changed belastbaarheid also by the bedrijfsarts)");
        }
        if (!CaseFile.OPEN.equals(file.status())) {
            throw RuleViolationException.conflict("caseId", "the case is " + file.status().toLowerCase()
                    + "; spoor 1 is re-checked on a running case");
        }
        String kindText = RequestValues.required("kind", given.kind(), "BELASTBAARHEID, ORGANISATIE or VACATURE");
        Spoor1Change kind = Spoor1Change.parse(kindText);
        if (kind == null) {
            throw RuleViolationException.invalid("kind", "must be one of [BELASTBAARHEID, ORGANISATIE, VACATURE]");
        }
        if (bedrijfsarts && kind != Spoor1Change.BELASTBAARHEID) {
            throw RuleViolationException.notAllowed("kind", "the bedrijfsarts reports a changed belastbaarheid only;"
                    + " the werkgever reports changes of the organisation and vacancies");
        }
        String description = RequestValues.required("description", given.description(),
                "what changed, in functional terms (no diagnosis, symptoms or treatment)");
        if (description.length() < MIN_DESCRIPTION || description.length() > MAX_TEXT_LENGTH) {
            throw RuleViolationException.invalid("description", "must be " + MIN_DESCRIPTION + " to "
                    + MAX_TEXT_LENGTH + " characters, in functional terms (no diagnosis, symptoms or treatment)");
        }
        LocalDate today = time.today();
        LocalDate date = RequestValues.notInFuture("date",
                RequestValues.isoDate("date", given.date(), "the day it changed"), today);
        if (date.isBefore(file.firstSickDay())) {
            throw RuleViolationException.invalid("date", "must not be before the first sick day "
                    + file.firstSickDay());
        }
        LocalDate recheckBy = today.plusDays(cadence.settings().spoor1RecheckDays());
        boolean bureauTold = access.withoutCaller(() -> {
            requireRecheckModelled(file);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put(SPOOR1_WIJZIGING_SOORT, kind.name());
            change.put(SPOOR1_WIJZIGING_OMSCHRIJVING, description);
            change.put(SPOOR1_WIJZIGING_DATUM, date.toString());
            change.put(SPOOR1_HERBEOORDELING_UITERLIJK, time.endOfDay(recheckBy));
            runtimeService.createMessageCorrelation(ProcessKeys.Messages.SPOOR1_HERBEOORDELEN)
                    .processInstanceId(file.processInstanceId()).setVariablesToTriggeredScope(change)
                    .correlateWithResult();
            return kind == Spoor1Change.BELASTBAARHEID && tellBureau(file, description, date);
        });
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("soort", kind.name());
        content.put("omschrijving", description);
        content.put("datum", date.toString());
        content.put("herbeoordelingUiterlijk", recheckBy.toString());
        if (kind == Spoor1Change.BELASTBAARHEID) {
            content.put("reintegratiebureauGeinformeerd", bureauTold);
        }
        return dossier.appendReturning(new DossierEntry(null, file.caseId(), file.processInstanceId(),
                file.employerId(), DossierEntryType.SPOOR1_CHANGE, "Wijziging voor spoor 1 gemeld: " + kind.label(),
                "spoor1WijzigingMelden", access.callerId(), access.callerIsAdmin() ? "beheerder"
                : werkgever ? Role.WERKGEVER.groupId() : Role.BEDRIJFSARTS.groupId(), OffsetDateTime.now(clock),
                null, null, content));
    }

    private void requireRecheckModelled(CaseFile file) {
        if (runtimeService.createEventSubscriptionQuery().processInstanceId(file.processInstanceId())
                .eventType("message")
                .eventName(ProcessKeys.Messages.SPOOR1_HERBEOORDELEN).count() == 0) {
            throw RuleViolationException.conflict("caseId", "this case runs on a model version without the spoor 1"
                    + " re-check; the process owner migrates it");
        }
    }

    /**
     * The bureau gets a task in its list when the case's spoor 2 trajectory listens for the change (a model version
     * that has "Gewijzigde belastbaarheid verwerken"); otherwise the change stays in the dossier, which the bureau
     * reads.
     */
    private boolean tellBureau(CaseFile file, String description, LocalDate date) {
        boolean told = false;
        for (ProcessInstance trajectory : runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.SPOOR_2_TRAJECT).processInstanceBusinessKey(file.caseId()).list()) {
            if (runtimeService.createEventSubscriptionQuery().processInstanceId(trajectory.getId())
                    .eventType("message").eventName(BELASTBAARHEID_GEWIJZIGD).count() > 0) {
                runtimeService.createMessageCorrelation(BELASTBAARHEID_GEWIJZIGD)
                        .processInstanceId(trajectory.getId())
                        // its own scope: a second change does not overwrite what the first one's open task shows
                        .setVariablesToTriggeredScope(Map.of(BELASTBAARHEID_WIJZIGING, date + ": " + description))
                        .correlateWithResult();
                told = true;
            }
        }
        return told;
    }
}
