package nl.spoorwijzer.opinions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CaseLegalDates;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.dossier.ExpertOpinionEntries;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.TaskRoles;
import nl.spoorwijzer.system.RequestValues;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.timeline.MilestoneKey;
import org.springframework.stereotype.Component;

/**
 * Deskundigenoordeel requests (seeds 000 and 003: werkgever and werknemer each may ask UWV, at any time, about the
 * suitability of the own work, suitable work, or the re-integration efforts — the last until 6 months before the end
 * of the waiting period). Each request is a dossier entry; the opinion that answers it closes it
 * ({@link ExpertOpinionEntries}). The old task "Deskundigenoordeel aanvragen" records its request here too.
 */
@Component
public class ExpertOpinionRequests {

    static final int MAX_EXPLANATION = 500;
    static final String OPEN = "OPEN";
    static final String ANSWERED = "BEANTWOORD";

    private final CaseAccess access;
    private final DossierRepository dossier;
    private final LegalTime time;
    private final Clock clock;
    private final CaseLegalDates legalDates;

    ExpertOpinionRequests(CaseAccess access, DossierRepository dossier, LegalTime time,
                          Clock clock, CaseLegalDates legalDates) {
        this.access = access;
        this.dossier = dossier;
        this.time = time;
        this.clock = clock;
        this.legalDates = legalDates;
    }

    /** A request by the caller, who must be the case's werkgever or its employee. */
    DossierEntry record(CaseFile file, ExpertOpinionRequestBody body) {
        String requester = requesterRole(file);
        if (CaseFile.CLOSED.equals(file.status())) {
            throw RuleViolationException.conflict("caseId", "the case is closed; deskundigenoordeel requests are"
                    + " recorded on a running case");
        }
        if (body == null) {
            throw RuleViolationException.invalid("question", "is required: one of "
                    + java.util.Arrays.toString(OpinionQuestion.values()));
        }
        OpinionQuestion question = OpinionQuestion.parse("question", body.question());
        LocalDate filedOn = filedOn(file, body.filedOn());
        String explanation = explanation(body.explanation());
        if (question == OpinionQuestion.RE_INTEGRATIE_INSPANNINGEN) {
            requireWithinLastDay(lastDayForEfforts(file.processInstanceId()), filedOn, "filedOn");
        }
        Map<String, Object> content = content(question, requester, filedOn, explanation, "aanvraag");
        return dossier.appendReturning(new DossierEntry(null, file.caseId(), file.processInstanceId(),
                file.employerId(), DossierEntryType.EXPERT_OPINION_REQUESTED, subject(question), null,
                access.callerId(), requester, OffsetDateTime.now(clock), null, null, content));
    }

    /** Every request of the case with its state and, once answered, UWV's verdict and what follows from it. */
    List<ExpertOpinionRequestView> list(CaseFile file) {
        List<DossierEntry> entries = dossier.findByCase(file.caseId());
        List<DossierEntry> opinions = ExpertOpinionEntries.opinions(entries);
        return ExpertOpinionEntries.requests(entries).stream().map(request -> ExpertOpinionRequestView.of(request,
                opinions.stream().filter(opinion -> String.valueOf(request.id())
                        .equals(String.valueOf(opinion.content().get(ExpertOpinionEntries.REQUEST_ID))))
                        .findFirst().orElse(null))).toList();
    }

    /**
     * The request a task "Deskundigenoordeel aanvragen" (form deskundigenoordeel-aanvragen) recorded: the same rule
     * for the last day, the form's field named when it is broken.
     */
    void recordFromTask(String caseId, String processInstanceId, String tenantId, String elementId, String userId,
                        Map<String, Object> values, Object lastDayForEfforts) {
        OpinionQuestion question = OpinionQuestion.ofFormValue(values.get(TaskFields.SUBJECT)).orElse(null);
        if (question == null) {
            return; // a form a process owner changed: its TASK_COMPLETED entry still records what was asked
        }
        LocalDate filedOn = time.toDate(values.get(TaskFields.FILED_ON));
        if (filedOn == null) {
            filedOn = time.today();
        }
        if (question == OpinionQuestion.RE_INTEGRATIE_INSPANNINGEN) {
            requireWithinLastDay(time.toDate(lastDayForEfforts), filedOn, TaskFields.SUBJECT);
        }
        Object requester = values.get(TaskFields.REQUESTER);
        Map<String, Object> content = content(question, requester == null ? Role.WERKGEVER.groupId()
                : requester.toString(), filedOn, null, elementId);
        dossier.append(new DossierEntry(null, caseId, processInstanceId, tenantId,
                DossierEntryType.EXPERT_OPINION_REQUESTED, subject(question), elementId, userId,
                Role.WERKGEVER.groupId(), OffsetDateTime.now(clock), null, null, content));
    }

    /**
     * The request the werkgever's judgement of a refused offer stands for when he chooses a deskundigenoordeel (form
     * weigering-beoordelen in the spoor 2 trajectory): a question on suitable work, filed today, with the refusal as
     * its explanation, so the case shows it open until UWV's opinion answers it. An open request on suitable work
     * already answers the same question: then none is added (one opinion would leave the second open for ever).
     */
    void recordFromRefusalJudgement(String caseId, String processInstanceId, String tenantId, String elementId,
                                    String userId, RefusedOffer refusal) {
        boolean alreadyAsked = ExpertOpinionEntries.openRequests(dossier.findByCase(caseId)).stream()
                .anyMatch(request -> OpinionQuestion.PASSENDE_ARBEID.name().equals(request.content().get("vraag")));
        if (alreadyAsked) {
            return;
        }
        OpinionQuestion question = OpinionQuestion.PASSENDE_ARBEID;
        Map<String, Object> content = content(question, Role.WERKGEVER.groupId(), time.today(),
                refusal.asExplanation(MAX_EXPLANATION), elementId);
        dossier.append(new DossierEntry(null, caseId, processInstanceId, tenantId,
                DossierEntryType.EXPERT_OPINION_REQUESTED, subject(question), elementId, userId,
                Role.WERKGEVER.groupId(), OffsetDateTime.now(clock), null, null, content));
    }

    /**
     * The last day a request on the re-integration efforts can be filed, as the case's timeline computed it (it
     * moves with a VVL or a loonsanctie); null when the case has none.
     */
    LocalDate lastDayForEfforts(String caseProcessInstanceId) {
        return legalDates.of(caseProcessInstanceId, MilestoneKey.DESKUNDIGENOORDEEL_INSPANNINGEN);
    }

    private static void requireWithinLastDay(LocalDate lastDay, LocalDate filedOn, String field) {
        if (lastDay != null && filedOn.isAfter(lastDay)) {
            throw RuleViolationException.conflict(field, "must be on or before " + lastDay + ", the last day to request"
                    + " a deskundigenoordeel on the re-integration efforts (6 months before the end of the waiting"
                    + " period, seed 000); ask about GESCHIKTHEID_EIGEN_WERK or PASSENDE_ARBEID instead");
        }
    }

    /** werkgever (a case manager of the case's employer) or werknemer (the case's own employee); nobody else. */
    private String requesterRole(CaseFile file) {
        if (file.employeeId() != null && file.employeeId().equals(access.callerId())) {
            return TaskRoles.EMPLOYEE_ROLE;
        }
        if (!access.callerIsAdmin() && access.mayReportFor(file.employerId(), Role.WERKGEVER)) {
            return Role.WERKGEVER.groupId();
        }
        throw RuleViolationException.notAllowed("caseId", "a deskundigenoordeel is requested by the werkgever or"
                + " the werknemer of the case (Wet SUWI art. 32), in their own name");
    }

    private LocalDate filedOn(CaseFile file, String value) {
        LocalDate date = RequestValues.notInFuture("filedOn", RequestValues.isoDate("filedOn", value,
                "the day the request was filed with UWV"), time.today());
        if (date.isBefore(file.firstSickDay())) {
            throw RuleViolationException.invalid("filedOn", "must not be before the first sick day "
                    + file.firstSickDay());
        }
        return date;
    }

    private static String explanation(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_EXPLANATION) {
            throw RuleViolationException.invalid("explanation", "must be at most " + MAX_EXPLANATION + " characters");
        }
        return value.trim();
    }

    private static Map<String, Object> content(OpinionQuestion question, String requester, LocalDate filedOn,
                                               String explanation, String source) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("vraag", question.name());
        content.put("aanvrager", requester);
        content.put("ingediendOp", filedOn.toString());
        if (explanation != null) {
            content.put("toelichting", explanation);
        }
        content.put("bron", source);
        return content;
    }

    private static String subject(OpinionQuestion question) {
        return "Deskundigenoordeel aangevraagd: " + question.label().toLowerCase();
    }

    /** The fields of form deskundigenoordeel-aanvragen the request is read from. */
    static final class TaskFields {
        static final String REQUESTER = "deskundigenoordeelAanvrager";
        static final String SUBJECT = "deskundigenoordeelOnderwerp";
        static final String FILED_ON = "deskundigenoordeelAanvraagdatum";

        private TaskFields() {
        }
    }
}
