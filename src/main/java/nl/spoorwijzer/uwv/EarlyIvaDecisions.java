package nl.spoorwijzer.uwv;

import static nl.spoorwijzer.process.ProcessVariables.EINDE_VERKORTE_WACHTTIJD;
import static nl.spoorwijzer.process.ProcessVariables.HERSTELPERIODES;
import static nl.spoorwijzer.process.ProcessVariables.VERKORTE_WACHTTIJD_VOORBIJ;
import static nl.spoorwijzer.process.ProcessVariables.VERVROEGDE_IVA_BESLUIT;
import static nl.spoorwijzer.process.ProcessVariables.VERVROEGDE_IVA_TOEGEKEND;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.CaseInstances;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.RecoveryGaps;
import nl.spoorwijzer.system.RequestValues;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;
import nl.spoorwijzer.timeline.EarlyIva;
import nl.spoorwijzer.timeline.MilestoneKey;
import nl.spoorwijzer.timeline.RecoveryGap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * UWV's decision on the employee's one application for an early IVA (bekorting wachttijd; domain reference §3.5).
 * A refusal is recorded and the case runs on. A grant ends the re-integration obligations of both parties at once:
 * the model's interrupting event subprocess "Vervroegde IVA toegekend" ends every open task, timer and the spoor 2
 * trajectory, and closes the case with the reason {@code vervroegdeIva} at the end of UWV's last day of the shortened
 * waiting period (at once when that day has passed). Called by {@link UwvDecisions} in its transaction, after the
 * checks every decision shares.
 */
@Component
class EarlyIvaDecisions {

    static final String GRANTED = VERVROEGDE_IVA_TOEGEKEND;
    static final String REFUSED = "afgewezen";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final CaseAccess access;
    private final CaseDossier dossier;
    private final EarlyIva rules;
    private final LegalTime time;
    private final DossierRepository entries;

    EarlyIvaDecisions(RuntimeService runtimeService, TaskService taskService, CaseAccess access, CaseDossier dossier,
                      EarlyIva rules, LegalTime time, DossierRepository entries) {
        this.entries = entries;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.access = access;
        this.dossier = dossier;
        this.rules = rules;
        this.time = time;
    }

    void record(CaseFile file, UwvDecisionRequest request, LocalDate decisionDate, Object earlierDecision) {
        if (earlierDecision != null) {
            throw RuleViolationException.conflict("type", "UWV already decided on an early IVA application in this"
                    + " case (" + earlierDecision + "); the employee applies only once (WIA art. 23 lid 6)");
        }
        LocalDate applicationDate = RequestValues.notInFuture("applicationDate", RequestValues.isoDate(
                "applicationDate", request.applicationDate(), "the day the employee applied"), time.today());
        if (request.granted() == null) {
            throw RuleViolationException.invalid("granted", "is required: true when UWV granted the early IVA,"
                    + " false when it refused");
        }
        boolean granted = request.granted();
        LocalDate end = request.waitingPeriodEnd() == null || request.waitingPeriodEnd().isBlank() ? null
                : RequestValues.isoDate("waitingPeriodEnd", request.waitingPeriodEnd(), null);
        List<RecoveryGap> gaps = access.withoutCaller(() -> RecoveryGaps.parse(
                (String) runtimeService.getVariable(file.processInstanceId(), HERSTELPERIODES)));
        List<Violation> violations = rules.check(file.firstSickDay(), gaps, applicationDate, decisionDate, granted,
                end).stream().map(problem -> new Violation(problem.field(), problem.rule())).toList();
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }

        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", UwvDecisionType.VERVROEGDE_IVA.name());
        content.put("besluitdatum", decisionDate.toString());
        content.put("aanvraagdatum", applicationDate.toString());
        content.put("toegekend", granted);
        if (!granted) {
            access.runWithoutCaller(() ->
                    runtimeService.setVariable(file.processInstanceId(), VERVROEGDE_IVA_BESLUIT, REFUSED));
            content.put("gevolg", "De zaak loopt door; een nieuwe aanvraag voor een vervroegde IVA is niet mogelijk.");
            record(file, "UWV-besluit: vervroegde IVA afgewezen", content);
            return;
        }
        boolean ended = end.isBefore(time.today());
        content.put("eindeWachttijd", end.toString());
        content.put("ivaVanaf", end.plusDays(1).toString());
        content.put("beeindigdeTaken", access.withoutCaller(() -> openTasks(file.processInstanceId())));
        content.put("gevolg", "De re-integratieverplichtingen van werkgever en werknemer eindigen; de wachttijd eindigt"
                + " op " + end + " en de zaak sluit " + (ended ? "nu" : "dan") + " (vervroegdeIva).");
        record(file, "UWV-besluit: vervroegde IVA toegekend, wachttijd eindigt op " + end, content);
        recordShortenedTimeline(file, end);
        access.runWithoutCaller(() -> runtimeService.createMessageCorrelation(
                        ProcessKeys.Messages.VERVROEGDE_IVA_TOEGEKEND)
                .processInstanceId(file.processInstanceId())
                .setVariable(VERVROEGDE_IVA_BESLUIT, GRANTED)
                .setVariable(EINDE_VERKORTE_WACHTTIJD, time.endOfDay(end))
                .setVariable(VERKORTE_WACHTTIJD_VOORBIJ, ended)
                .correlateWithResult());
    }

    private void record(CaseFile file, String subject, Map<String, Object> content) {
        dossier.recordForCase(file.caseId(), file.processInstanceId(), file.employerId(),
                DossierEntryType.UWV_DECISION, subject, content);
    }

    /**
     * The case's timeline as UWV shortened it: the waiting period ends on UWV's date, and the steps that were due
     * after it are no longer due. Case screens and the re-integratieverslag read the latest timeline entry.
     */
    private void recordShortenedTimeline(CaseFile file, LocalDate end) {
        Map<String, Object> dates = new LinkedHashMap<>();
        DossierEntry.latestTimeline(entries.findByCase(file.caseId())).forEach((key, date) -> {
            if (date != null && date.toString().compareTo(end.toString()) <= 0) {
                dates.put(key, date);
            }
        });
        dates.put(MilestoneKey.EINDE_WACHTTIJD.key(), end.toString());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("reden", "vervroegde IVA toegekend (WIA art. 23 lid 6)");
        content.put(DossierEntry.TIMELINE, dates);
        dossier.recordForCase(file.caseId(), file.processInstanceId(), file.employerId(),
                DossierEntryType.TIMELINE_UPDATED, "Wettelijke termijnen verschoven: vervroegde IVA, wachttijd eindigt"
                        + " op " + end, content);
    }

    private List<String> openTasks(String caseInstance) {
        List<String> names = new ArrayList<>();
        for (String instance : CaseInstances.tree(runtimeService, caseInstance)) {
            for (Task task : taskService.createTaskQuery().processInstanceId(instance).list()) {
                names.add(task.getName());
            }
        }
        return names;
    }
}
