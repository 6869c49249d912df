package nl.spoorwijzer.agreements;

import static nl.spoorwijzer.process.ProcessVariables.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.CaseRescheduling;
import nl.spoorwijzer.process.TimelineChange.DeadlineAgreed;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.timeline.MilestoneKey;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * "Afwijking vastleggen" / "Voorstel laten vervallen": the werknemer's answer to the werkgever's proposal. With his
 * agreement, and while the step is still open and its deadline has not passed, the deadline moves to the agreed date
 * (its task's due date and miss watch with it); otherwise the deadline stays. Either way the answer is a dossier
 * decision and the proposal is cleared, so a new one can be made.
 */
@Component("agreedDeviationDecision")
class AgreedDeviationDecision implements JavaDelegate {

    private static final List<String> PROPOSAL = List.of(AFWIJKING_STAP, AFWIJKING_STAP_NAAM, AFWIJKING_NIEUWE_TERMIJN,
            AFWIJKING_AFGESPROKEN_OP, AFWIJKING_REDEN, AFWIJKING_BEVESTIGEN_UITERLIJK, AFWIJKING_AKKOORD,
            AFWIJKING_TOELICHTING_WERKNEMER);

    private final DeviationRules rules;
    private final CaseRescheduling rescheduling;
    private final CaseDossier dossier;
    private final CaseAccess access;

    AgreedDeviationDecision(DeviationRules rules, CaseRescheduling rescheduling, CaseDossier dossier,
                            CaseAccess access) {
        this.rules = rules;
        this.rescheduling = rescheduling;
        this.dossier = dossier;
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object stepKey = execution.getVariable(AFWIJKING_STAP);
        if (stepKey == null) {
            return; // no proposal (a model that calls this bean without one changes nothing)
        }
        MilestoneKey step = MilestoneKey.fromKey(stepKey.toString());
        DeadlineAgreed proposal = new DeadlineAgreed(step,
                LocalDate.parse(execution.getVariable(AFWIJKING_NIEUWE_TERMIJN).toString()),
                LocalDate.parse(execution.getVariable(AFWIJKING_AFGESPROKEN_OP).toString()),
                execution.getVariable(AFWIJKING_REDEN).toString());
        Object answer = execution.getVariable(AFWIJKING_AKKOORD);
        Object comment = execution.getVariable(AFWIJKING_TOELICHTING_WERKNEMER);
        Map<String, Object> content = new LinkedHashMap<>(proposal.facts());
        content.put("akkoordWerkgever", true);
        content.put("akkoordWerknemer", "ja".equals(answer));
        if (comment != null && !comment.toString().isBlank()) {
            content.put("toelichtingWerknemer", comment.toString());
        }
        String outcome;
        if (answer == null) {
            outcome = "vervallen: de werknemer antwoordde niet voor de termijn";
        } else if (!"ja".equals(answer)) {
            outcome = "niet afgesproken: de werknemer is niet akkoord";
        } else {
            outcome = agree(execution, proposal, content);
        }
        execution.removeVariables(PROPOSAL);
        content.put("uitkomst", outcome);
        dossier.recordBySystem(execution, DossierEntryType.DECISION, "Afwijking van de termijn "
                + step.label().toLowerCase() + " " + outcome, content);
    }

    /**
     * The deadline moves in a command of its own once the werknemer's task is completed and flushed, before the same
     * transaction commits: this command still holds the task's deadline timer that the move would change.
     */
    private String agree(DelegateExecution execution, DeadlineAgreed proposal, Map<String, Object> content) {
        try {
            LocalDate current = rules.openDeadline(execution.getProcessBusinessKey(), proposal.step(),
                    execution.getVariable(deadlineVariable(proposal.step())));
            content.put("vorigeTermijn", current.toString());
        } catch (RuleViolationException stale) {
            return "niet afgesproken: de stap is intussen gedaan of de termijn is verstreken";
        }
        String caseInstance = execution.getProcessInstanceId();
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTING,
                committing -> access.runWithoutCaller(() -> rescheduling.apply(caseInstance, proposal)));
        return "afgesproken";
    }
}
