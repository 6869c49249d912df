package nl.spoorwijzer.process;

import static nl.spoorwijzer.process.ProcessVariables.AFSLUITREDEN;
import static nl.spoorwijzer.process.ProcessVariables.HERSTEL_DATUM;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.spoorwijzer.dossier.DossierEntryType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

/**
 * "Zaak afsluiten": records why and when the case ended — one of the {@link EndReason}s, e.g. {@code eindeWachttijd},
 * {@code vervroegdeIva} (with UWV's end of the shortened waiting period), {@code ziekUitDienst} or
 * {@code vaststellingsovereenkomst} (with the contract's last day) — in the field {@code reason}. In the spoor 2
 * trajectory it records why the trajectory ended (the trajectory's own reasons).
 */
@Component("caseClosing")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // the engine injects a field per service task
public class CaseClosing implements JavaDelegate {

    private Expression reason;

    private final CaseDossier dossier;
    private final CaseLifecycle caseLifecycle;
    private final LegalTime time;

    public CaseClosing(CaseDossier dossier, CaseLifecycle caseLifecycle, LegalTime time) {
        this.dossier = dossier;
        this.caseLifecycle = caseLifecycle;
        this.time = time;
    }

    public void setReason(Expression reason) {
        this.reason = reason;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean trajectory = ProcessKeys.SPOOR_2_TRAJECT.equals(processKeyOf(execution));
        String why = reason.getValue(execution).toString();
        EndReason endReason = trajectory ? null : EndReason.require(why);
        execution.setVariable(AFSLUITREDEN, why);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put(AFSLUITREDEN, why);
        content.put("datum", time.today().toString());
        Object recoveryDate = execution.getVariable(HERSTEL_DATUM);
        if (recoveryDate != null) {
            String date = time.toDate(recoveryDate).toString();
            execution.setVariable(HERSTEL_DATUM, date);
            content.put(HERSTEL_DATUM, date);
        }
        Object shortenedEnd = execution.getVariable(ProcessVariables.EINDE_VERKORTE_WACHTTIJD);
        if (shortenedEnd != null) {
            content.put("eindeWachttijd", time.toDate(shortenedEnd).toString()); // UWV's date (early IVA)
        }
        if (endReason != null && endReason.endsEmployment()) {
            content.put(ProcessVariables.CONTRACT_EINDDATUM,
                    time.toDate(execution.getVariable(ProcessVariables.CONTRACT_EINDDATUM)).toString());
            Object signedOn = execution.getVariable(ProcessVariables.VSO_ONDERTEKEND_OP);
            if (endReason == EndReason.VASTSTELLINGSOVEREENKOMST && signedOn != null) {
                content.put(ProcessVariables.VSO_ONDERTEKEND_OP, signedOn.toString());
            }
        }
        if (endReason != null) {
            content.put("afsluitredenOmschrijving", endReason.label());
        }
        if (!trajectory) {
            caseLifecycle.closed(execution, why);
        }
        dossier.recordBySystem(execution, trajectory ? DossierEntryType.TRAJECTORY_ENDED : DossierEntryType.CASE_CLOSED,
                trajectory ? "Spoor 2-traject beëindigd: " + why : "Zaak afgesloten: " + why, content);
    }

    private static String processKeyOf(DelegateExecution execution) {
        return execution instanceof ExecutionEntity entity && entity.getProcessDefinition() != null
                ? entity.getProcessDefinition().getKey() : null;
    }
}
