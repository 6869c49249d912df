package nl.spoorwijzer.employment;

import static nl.spoorwijzer.process.ProcessVariables.EERSTE_ZIEKTEDAG;
import static nl.spoorwijzer.process.ProcessVariables.HERSTELPERIODES;

import java.time.LocalDate;
import java.util.Set;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.RecoveryGaps;
import nl.spoorwijzer.timeline.ContractEnd;
import nl.spoorwijzer.timeline.ContractEnd.Riv;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The re-integratieverslag a case owes at the contract's end (Regeling procesgang art. 6 lid 2, domain §3.6): by the
 * sickness on the last day, and the bedrijfsarts's prognosis of recovery within three months.
 */
@Component
class RequiredReport {

    /** The prognosis values of the bedrijfsarts's forms that expect recovery within three months. */
    static final Set<String> RECOVERY_WITHIN_THREE_MONTHS = Set.of("binnen4Weken", "binnen3Maanden");

    private final ContractEnd rules;
    private final LegalTime time;

    RequiredReport(ContractEnd rules, LegalTime time) {
        this.rules = rules;
        this.time = time;
    }

    long sickDays(VariableScope variables, LocalDate contractEnd) {
        return rules.sickDays(time.toDate(variables.getVariable(EERSTE_ZIEKTEDAG)),
                RecoveryGaps.parse((String) variables.getVariable(HERSTELPERIODES)), contractEnd);
    }

    boolean recoveryExpected(VariableScope variables) {
        Object prognosis = variables.getVariable("prognose"); // null until the bedrijfsarts gave one
        return prognosis != null && RECOVERY_WITHIN_THREE_MONTHS.contains(prognosis);
    }

    Riv at(VariableScope variables, LocalDate contractEnd) {
        return rules.riv(sickDays(variables, contractEnd), recoveryExpected(variables));
    }
}
