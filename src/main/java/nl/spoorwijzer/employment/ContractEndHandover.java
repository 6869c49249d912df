package nl.spoorwijzer.employment;

import static nl.spoorwijzer.process.ProcessVariables.CONTRACT_EINDDATUM;
import static nl.spoorwijzer.process.ProcessVariables.EINDE_DIENSTVERBAND_REDEN;
import static nl.spoorwijzer.process.ProcessVariables.VSO_ONDERTEKEND_OP;
import static nl.spoorwijzer.process.ProcessVariables.ZIEK_UIT_DIENSTMELDING_DATUM;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.process.AsPlatform;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.CaseInstances;
import nl.spoorwijzer.process.EndReason;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.timeline.ContractEnd.Riv;
import nl.spoorwijzer.timeline.ContractEnd;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Overdracht aan UWV vastleggen": the contract's last day has passed during sickness, so the employer's duties end
 * (domain reference §3.6). Records in the dossier what goes to UWV — the ziek-uit-dienstmelding (made on which day,
 * or not made) and the re-integratieverslag the length of the sickness on the last day asks for — and which open
 * tasks end with the duties. The case closes right after ("Zaak afsluiten: einde dienstverband") with the reason
 * the employment ended ({@code eindeDienstverbandReden}, set here to {@code ziekUitDienst} unless a
 * vaststellingsovereenkomst ended it): after a vaststellingsovereenkomst the employee is sick on the last day too, so
 * the same melding and verslag go to UWV.
 */
@Component("contractEndHandover")
class ContractEndHandover implements JavaDelegate {

    /** Key of the RIV's form in the handover entry: {@link Riv} name. */
    static final String RIV = "reintegratieverslag";
    static final String SICK_DAYS = "ziektedagen";
    /** The probleemanalyse's prognosis values in which the bedrijfsarts expects full recovery within 3 months. */

    private final ContractEnd rules;
    private final RequiredReport report;
    private final CaseDossier dossier;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final LegalTime time;

    ContractEndHandover(ContractEnd rules, RequiredReport report, CaseDossier dossier, RuntimeService runtimeService,
                        TaskService taskService, LegalTime time) {
        this.rules = rules;
        this.report = report;
        this.dossier = dossier;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate contractEnd = time.toDate(execution.getVariable(CONTRACT_EINDDATUM));
        long sickDays = report.sickDays(execution, contractEnd);
        boolean recoveryExpected = report.recoveryExpected(execution);
        Riv riv = rules.riv(sickDays, recoveryExpected);
        LocalDate reported = time.toDate(execution.getVariable(ZIEK_UIT_DIENSTMELDING_DATUM));

        EndReason why = EndReason.of(execution.getVariable(EINDE_DIENSTVERBAND_REDEN))
                .filter(EndReason::endsEmployment).orElse(EndReason.ZIEK_UIT_DIENST);
        execution.setVariable(EINDE_DIENSTVERBAND_REDEN, why.key());

        Map<String, Object> content = new LinkedHashMap<>();
        content.put(CONTRACT_EINDDATUM, contractEnd.toString());
        content.put(EINDE_DIENSTVERBAND_REDEN, why.key());
        if (why == EndReason.VASTSTELLINGSOVEREENKOMST && execution.getVariable(VSO_ONDERTEKEND_OP) != null) {
            content.put(VSO_ONDERTEKEND_OP, execution.getVariable(VSO_ONDERTEKEND_OP).toString());
        }
        content.put("laatsteWerkdag", rules.reportDue(contractEnd).toString());
        content.put(SICK_DAYS, sickDays);
        content.put("ziekteweken", sickDays / 7);
        content.put("herstelBinnen3MaandenVerwacht", recoveryExpected);
        content.put(RIV, riv.name());
        content.put("ziekUitDienstmeldingGedaan", reported != null);
        if (reported != null) {
            content.put(ZIEK_UIT_DIENSTMELDING_DATUM, reported.toString());
        }
        content.put("naarUwv", toUwv(riv, contractEnd, rules.reportDue(contractEnd)));
        content.put("beeindigdeTaken", openTasks(execution.getProcessInstanceId()));
        dossier.recordBySystem(execution, DossierEntryType.HANDOVER_TO_UWV, (why == EndReason.ZIEK_UIT_DIENST
                ? "Ziek uit dienst per " : "Ziek uit dienst na vaststellingsovereenkomst per ") + contractEnd
                + ": overdracht aan UWV (" + title(riv) + ")", content);
    }

    static String title(Riv riv) {
        return switch (riv) {
            case GEEN -> "alleen de ziek-uit-dienstmelding";
            case VERKORT -> "verkort re-integratieverslag";
            case VOLLEDIG -> "volledig re-integratieverslag";
        };
    }

    private List<String> toUwv(Riv riv, LocalDate contractEnd, LocalDate lastWorkingDay) {
        List<String> parts = new ArrayList<>();
        parts.add("Ziek-uit-dienstmelding, uiterlijk op de laatste werkdag " + lastWorkingDay
                + " (Ziektewet art. 38 lid 2)");
        switch (riv) {
            case GEEN -> parts.add("Geen re-integratieverslag: korter dan " + rules.settings().rivFromWeeks()
                    + " weken ziek op de laatste dag van het contract");
            case VERKORT -> parts.add("Verkort re-integratieverslag: probleemanalyse en plan van aanpak voor zover"
                    + " die er moesten zijn");
            case VOLLEDIG -> parts.add("Volledig re-integratieverslag met de eindevaluatie, uiterlijk op de laatste"
                    + " dag van het dienstverband " + contractEnd);
        }
        parts.add("UWV betaalt vanaf " + contractEnd.plusDays(1) + " een Ziektewet-uitkering en neemt de"
                + " re-integratie over");
        return parts;
    }

    /** The open tasks of the case (and the processes it called) that end with the employer's duties. */
    private List<String> openTasks(String caseInstance) {
        return AsPlatform.inCommand(() -> {
            List<String> names = new ArrayList<>();
            for (String instance : CaseInstances.tree(runtimeService, caseInstance)) {
                for (Task task : taskService.createTaskQuery().processInstanceId(instance).list()) {
                    if (!endedInThisTransaction(task)) {
                        names.add(task.getName());
                    }
                }
            }
            return names;
        });
    }

    /** The melding's own task ended a moment ago with its subprocess; a query still reads it from the database. */
    private static boolean endedInThisTransaction(Task task) {
        DbEntityManager entities = Context.getCommandContext().getDbEntityManager();
        TaskEntity cached = entities.getDbEntityCache().get(TaskEntity.class, task.getId());
        return cached != null && entities.getDbEntityCache().isDeleted(cached);
    }
}
