package nl.spoorwijzer.timeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Ziek uit dienst (domain reference §3.6): a fixed-term contract ends on its end date, also during sickness, and the
 * employer's duties end with it. The werkgever reports the employee sick out of service to UWV at the latest on the
 * last working day (Ziektewet art. 38 lid 2), also when the 42e-weeksmelding was made; UWV then pays a Ziektewet
 * benefit and takes over the re-integration. What the werkgever hands over with it depends on how long the employee
 * was sick on the contract's last day.
 */
public final class ContractEnd {

    /** The re-integratieverslag that goes to UWV with the ziek-uit-dienstmelding. */
    public enum Riv {
        /** Sick less than {@code rivFromWeeks}: the ziek-uit-dienstmelding only. */
        GEEN,
        /** The verkort re-integratieverslag: probleemanalyse and plan van aanpak as far as they are due. */
        VERKORT,
        /** The full re-integratieverslag, including the eindevaluatie by the last day of employment. */
        VOLLEDIG
    }

    private final ContractEndSettings settings;
    private final WorkingDays workingDays;

    public ContractEnd(ContractEndSettings settings, WorkingDays workingDays) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.workingDays = Objects.requireNonNull(workingDays, "workingDays");
    }

    public ContractEndSettings settings() {
        return settings;
    }

    /** The last working day on or before the contract's last day: the ziek-uit-dienstmelding is due by then. */
    public LocalDate reportDue(LocalDate contractEnd) {
        return workingDays.onOrBefore(contractEnd);
    }

    /** The day the werkgever's task for the ziek-uit-dienstmelding appears. */
    public LocalDate reportTaskStart(LocalDate contractEnd) {
        return reportDue(contractEnd).minusDays(settings.reportLeadDays());
    }

    /** Sick days on the contract's last day (day 1 = first sick day, recovery gaps not counted). */
    public long sickDays(LocalDate firstSickDay, List<RecoveryGap> gaps, LocalDate contractEnd) {
        return SicknessDays.through(firstSickDay, gaps, contractEnd);
    }

    /**
     * The re-integratieverslag due with the ziek-uit-dienstmelding: none below {@code rivFromWeeks} of sickness,
     * the verkort verslag below {@code fullRivFromWeeks} or when the bedrijfsarts expects full recovery within 3
     * months, the full verslag otherwise.
     */
    public Riv riv(long sickDays, boolean recoveryExpectedWithinThreeMonths) {
        if (sickDays < settings.rivFromWeeks() * 7L) {
            return Riv.GEEN;
        }
        if (sickDays < settings.fullRivFromWeeks() * 7L || recoveryExpectedWithinThreeMonths) {
            return Riv.VERKORT;
        }
        return Riv.VOLLEDIG;
    }
}
