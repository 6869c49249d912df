package nl.spoorwijzer.opinions;

import static nl.spoorwijzer.dossier.ExpertOpinionEntries.CONSEQUENCE;
import static nl.spoorwijzer.dossier.ExpertOpinionEntries.REQUEST_ID;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.dossier.ExpertOpinionEntries;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys;
import nl.spoorwijzer.process.ProcessVariables;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.timeline.MilestoneKey;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import nl.spoorwijzer.trajectories.Spoor2Aanleiding;
import nl.spoorwijzer.trajectories.Spoor2Start;
import nl.spoorwijzer.trajectories.Spoor2Starts;
import org.springframework.stereotype.Component;

/**
 * UWV's deskundigenoordeel, whenever it arrives. When a step of the case waits for it (the werkgever's request after
 * the employee rejected a plan, in spoor 1 or in the spoor 2 trajectory) it goes there, as before; otherwise it is a
 * dossier decision. Either way it closes the request it answers, and the platform says what follows from it:
 * <pre>
 * GESCHIKTHEID_EIGEN_WERK  GESCHIKT       advice: return to the own work
 *                          NIET_GESCHIKT  plan van aanpak revised (message PlanBijstellingNodig) once a plan exists
 * PASSENDE_ARBEID          PASSEND        advice: the employee must accept the work (BW 7:629 lid 3)
 *                          NIET_PASSEND   plan van aanpak revised, as NIET_GESCHIKT
 * RE_INTEGRATIE_INSPANNINGEN VOLDOENDE    advice: go on as planned
 *                          ONVOLDOENDE    advice to the werkgever: repair before the WIA application (its date)
 * startSpoor2 = true (adverse verdicts only): message Spoor2Inzetten (aanleiding DESKUNDIGENOORDEEL) when the
 * case listens for it and no trajectory runs; otherwise the advice is recorded.
 * </pre>
 * Everything is checked before anything is correlated or written; the caller writes the dossier entry.
 */
@Component
public class ExpertOpinions {

    static final List<String> WAITING_MESSAGES = List.of(ProcessKeys.Messages.DESKUNDIGENOORDEEL_ONTVANGEN,
            ProcessKeys.Messages.DESKUNDIGENOORDEEL_SPOOR_2_ONTVANGEN);
    static final String CONCLUSION_VARIABLE = "deskundigenoordeelConclusie";

    /** What the opinion set in motion, for the dossier and clients (one or more, in order). */
    enum FollowUp { WACHTENDE_STAP, PLAN_BIJSTELLING_GESTART, PLAN_BIJSTELLING_ADVIES, SPOOR_2_GESTART,
        SPOOR_2_LOOPT_AL, SPOOR_2_ADVIES, HERSTEL_VOOR_WIA_ADVIES, ADVIES }

    private final RuntimeService runtimeService;
    private final CaseAccess access;
    private final DossierRepository dossier;
    private final LegalTime time;
    private final Spoor2Starts spoor2Starts;

    ExpertOpinions(RuntimeService runtimeService, CaseAccess access, DossierRepository dossier, LegalTime time,
                   Spoor2Starts spoor2Starts) {
        this.spoor2Starts = spoor2Starts;
        this.runtimeService = runtimeService;
        this.access = access;
        this.dossier = dossier;
        this.time = time;
    }

    public ExpertOpinionOutcome record(CaseFile file, ExpertOpinion opinion) {
        List<DossierEntry> entries = dossier.findByCase(file.caseId());
        DossierEntry named = namedRequest(entries, opinion.requestId());
        OpinionQuestion question = opinion.question() != null ? OpinionQuestion.parse("question", opinion.question())
                : named != null ? questionOf(named) : null;
        if (named != null && question != questionOf(named)) {
            throw RuleViolationException.invalid("question", "must be the question of request " + named.id() + " ("
                    + questionOf(named) + ")");
        }
        EventSubscription waiting = access.withoutCaller(() -> waitingForOpinion(file.caseId()));
        DossierEntry waitingRequest = waiting == null ? null : waitingRequest(entries, waiting);
        boolean toWaitingStep = waiting != null && (named != null ? named.equals(waitingRequest)
                : question == null || waitingRequest == null || question == questionOf(waitingRequest));
        OpinionVerdict verdict = null;
        if (opinion.verdict() != null || !toWaitingStep) {
            if (question == null) {
                throw RuleViolationException.invalid("question", "is required when no step waits for the opinion: one of "
                        + java.util.Arrays.toString(OpinionQuestion.values()));
            }
            verdict = OpinionVerdict.parse("verdict", opinion.verdict(), question);
        }
        String conclusion = conclusion(opinion.conclusion(), verdict == null);
        boolean spoor2 = Boolean.TRUE.equals(opinion.startSpoor2());
        if (spoor2 && (verdict == null || !verdict.adverse())) {
            throw RuleViolationException.invalid("startSpoor2", "can be true only with an adverse verdict"
                    + " (NIET_GESCHIKT, NIET_PASSEND or ONVOLDOENDE)");
        }
        DossierEntry answered = toWaitingStep ? waitingRequest
                : named != null ? named : firstOpen(entries, question);

        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", ExpertOpinionEntries.OPINION_TYPE);
        content.put("besluitdatum", opinion.decisionDate().toString());
        if (question != null) {
            content.put("vraag", question.name());
        }
        if (verdict != null) {
            content.put("oordeel", verdict.name());
        }
        if (!conclusion.isEmpty()) {
            content.put("conclusie", conclusion);
        }
        if (answered != null) {
            content.put(REQUEST_ID, answered.id());
        }
        List<FollowUp> followUps = new ArrayList<>();
        List<String> consequence = new ArrayList<>();
        String caseInstance = file.processInstanceId();
        String conclusionText = conclusion.isEmpty() ? capitalised(verdict.label()) + "." : conclusion;
        OpinionVerdict judged = verdict;
        access.runWithoutCaller(() -> {
            if (toWaitingStep) {
                content.put("naarStap", waiting.getActivityId());
                runtimeService.createMessageCorrelation(waiting.getEventName())
                        .processInstanceId(waiting.getProcessInstanceId())
                        .setVariable(CONCLUSION_VARIABLE, conclusionText)
                        .setVariable(ProcessVariables.DESKUNDIGENOORDEEL_DATUM, opinion.decisionDate().toString())
                        .correlateWithResult();
                followUps.add(FollowUp.WACHTENDE_STAP);
                consequence.add("Deskundigenoordeel verwerken: de werkgever verwerkt het oordeel in de wachtende"
                        + " taak en beslist daar of het plan wordt bijgesteld.");
            } else {
                consequence.add(consequenceOf(judged, entries, caseInstance, followUps));
            }
            if (spoor2) {
                consequence.add(spoor2(file, judged, followUps));
            }
        });
        if (spoor2) {
            content.put("spoor2Inzetten", true);
        }
        String gevolg = String.join(" ", consequence);
        content.put(CONSEQUENCE, gevolg);
        content.put("vervolg", followUps.stream().map(Enum::name).toList());
        return new ExpertOpinionOutcome(content, gevolg);
    }

    private String consequenceOf(OpinionVerdict verdict, List<DossierEntry> entries, String caseInstance,
                                 List<FollowUp> followUps) {
        return switch (verdict) {
            case GESCHIKT -> advice(followUps, "Eigen werk is volgens UWV geschikt: spreek de hervatting in het eigen"
                    + " werk af en richt het plan van aanpak daarop.");
            case NIET_GESCHIKT -> planRevision(entries, caseInstance, followUps, "Eigen werk is volgens UWV niet"
                    + " geschikt: plan van aanpak bijstellen en passende arbeid zoeken, eerst bij de eigen werkgever.");
            case PASSEND -> advice(followUps, "De arbeid is volgens UWV passend: de werknemer moet haar aanvaarden;"
                    + " weigeren kan loonopschorting of loonstop rechtvaardigen (BW 7:629 lid 3).");
            case NIET_PASSEND -> planRevision(entries, caseInstance, followUps, "De arbeid is volgens UWV niet"
                    + " passend: plan van aanpak bijstellen en andere passende arbeid zoeken.");
            case VOLDOENDE -> advice(followUps, "De re-integratie-inspanningen zijn volgens UWV voldoende: de"
                    + " re-integratie gaat door zoals gepland.");
            case ONVOLDOENDE -> {
                followUps.add(FollowUp.HERSTEL_VOOR_WIA_ADVIES);
                LocalDate wia = time.toDate(runtimeService.getVariable(caseInstance,
                        ProcessVariables.deadlineVariable(MilestoneKey.WIA_AANVRAAG)));
                yield "De re-integratie-inspanningen zijn volgens UWV onvoldoende: de werkgever herstelt de"
                        + " tekortkomingen vóór de WIA-aanvraag" + (wia == null ? "" : " (uiterlijk " + wia + ")")
                        + ", anders dreigt een loonsanctie.";
            }
        };
    }

    private static String advice(List<FollowUp> followUps, String text) {
        followUps.add(FollowUp.ADVIES);
        return text;
    }

    /** The case's "Plan van aanpak bijstellen" (event subprocess bijstellingNaSpoor2) once there is a plan. */
    private String planRevision(List<DossierEntry> entries, String caseInstance, List<FollowUp> followUps,
                                String text) {
        boolean planExists = entries.stream().anyMatch(entry -> entry.type() == DossierEntryType.TASK_COMPLETED
                && ProcessKeys.Tasks.PLAN_VAN_AANPAK_OPSTELLEN.equals(entry.elementId()));
        if (planExists && listensFor(caseInstance, ProcessKeys.Messages.PLAN_BIJSTELLING_NODIG)) {
            runtimeService.createMessageCorrelation(ProcessKeys.Messages.PLAN_BIJSTELLING_NODIG)
                    .processInstanceId(caseInstance).correlateWithResult();
            followUps.add(FollowUp.PLAN_BIJSTELLING_GESTART);
            return text + " De taak 'Plan van aanpak bijstellen' staat klaar voor de werkgever.";
        }
        followUps.add(FollowUp.PLAN_BIJSTELLING_ADVIES);
        return text + " Er is nog geen plan van aanpak: neem het oordeel daarin mee.";
    }

    private String spoor2(CaseFile file, OpinionVerdict verdict, List<FollowUp> followUps) {
        if (spoor2Starts.underway(file)) {
            followUps.add(FollowUp.SPOOR_2_LOOPT_AL);
            return "UWV adviseert spoor 2; er loopt al een spoor 2-traject.";
        }
        if (listensFor(file.processInstanceId(), ProcessKeys.Messages.SPOOR_2_INZETTEN)) {
            // Through the one way spoor 2 starts: every variable of the start is set anew, so nothing of an earlier
            // trajectory (its executor, bureau, who started it) carries over.
            spoor2Starts.start(file.caseId(), Spoor2Start.of(Spoor2Aanleiding.DESKUNDIGENOORDEEL,
                    "Deskundigenoordeel UWV: " + verdict.label()));
            followUps.add(FollowUp.SPOOR_2_GESTART);
            return "Spoor 2 inzetten: op advies van UWV is spoor 2 gestart; de werkgever kiest wie het traject uitvoert.";
        }
        followUps.add(FollowUp.SPOOR_2_ADVIES);
        return "UWV adviseert spoor 2 in te zetten; dit advies staat in het dossier (de zaak start spoor 2 hier niet"
                + " vanzelf).";
    }

    private boolean listensFor(String processInstanceId, String message) {
        return runtimeService.createEventSubscriptionQuery().processInstanceId(processInstanceId).eventType("message")
                .eventName(message).count() > 0;
    }

    private static DossierEntry namedRequest(List<DossierEntry> entries, Long requestId) {
        if (requestId == null) {
            return null;
        }
        DossierEntry request = ExpertOpinionEntries.requests(entries).stream()
                .filter(entry -> requestId.equals(entry.id())).findFirst()
                .orElseThrow(() -> RuleViolationException.invalid("requestId", "names no deskundigenoordeel request"
                        + " of this case (got " + requestId + ")"));
        if (!ExpertOpinionEntries.openRequests(entries).contains(request)) {
            throw RuleViolationException.conflict("requestId", "request " + requestId + " was already answered");
        }
        return request;
    }

    /** The newest open request recorded by the task of the instance that waits (none when it was not recorded). */
    private static DossierEntry waitingRequest(List<DossierEntry> entries, EventSubscription waiting) {
        List<DossierEntry> recordedThere = ExpertOpinionEntries.openRequests(entries).stream()
                .filter(entry -> Objects.equals(entry.processInstanceId(), waiting.getProcessInstanceId())
                        && entry.elementId() != null)
                .toList();
        return recordedThere.isEmpty() ? null : recordedThere.get(recordedThere.size() - 1);
    }

    private static DossierEntry firstOpen(List<DossierEntry> entries, OpinionQuestion question) {
        return ExpertOpinionEntries.openRequests(entries).stream()
                .filter(entry -> question.name().equals(entry.content().get("vraag"))).findFirst().orElse(null);
    }

    private static OpinionQuestion questionOf(DossierEntry request) {
        return OpinionQuestion.valueOf(String.valueOf(request.content().get("vraag")));
    }

    private static String conclusion(String value, boolean required) {
        String text = value == null ? "" : value.trim();
        if ((required && text.isEmpty()) || text.length() > ProcessVariables.MAX_TEXT_LENGTH) {
            throw RuleViolationException.invalid("conclusion", "is required, at most "
                    + ProcessVariables.MAX_TEXT_LENGTH + " characters, in functional terms (no diagnosis, symptoms or"
                    + " treatment)");
        }
        return text;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private EventSubscription waitingForOpinion(String caseId) {
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .list()) {
            for (EventSubscription subscription : runtimeService.createEventSubscriptionQuery()
                    .processInstanceId(instance.getId()).eventType("message").list()) {
                if (WAITING_MESSAGES.contains(subscription.getEventName())) {
                    return subscription;
                }
            }
        }
        return null;
    }
}
