package nl.spoorwijzer.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.process.EndReason;
import nl.spoorwijzer.report.ReintegrationReport.Ending;

/**
 * The re-integratieverslag of a case that ended because the contract ended during sickness (ziek uit dienst;
 * domain reference §3.6), read from the dossier's handover entry: below the first threshold no part is required (only
 * the ziek-uit-dienstmelding goes to UWV); the verkort verslag holds the probleemanalyse and the plan van aanpak as
 * far as they were due by the contract's last day; the full verslag holds every required part due by then and the
 * eindevaluatie, due on the last day of employment. Statuses are judged on the day after that last day: what fell due
 * later was never the employer's duty.
 */
final class ContractEndRiv {

    static final String REASON = EndReason.ZIEK_UIT_DIENST.key();
    private static final Set<RivPart> SHORT_PARTS = Set.of(RivPart.PROBLEEMANALYSE, RivPart.PLAN_VAN_AANPAK);

    private final Ending ending;

    private ContractEndRiv(Ending ending) {
        this.ending = ending;
    }

    /** The case's ending by contract end, or null when the dossier records none. */
    static ContractEndRiv of(List<DossierEntry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).type() == DossierEntryType.HANDOVER_TO_UWV) {
                return new ContractEndRiv(ending(entries.get(i).content()));
            }
        }
        return null;
    }

    private static Ending ending(Map<String, Object> content) {
        LocalDate end = LocalDate.parse(content.get("contractEinddatum").toString());
        long sickDays = ((Number) content.get("ziektedagen")).longValue();
        String riv = content.get("reintegratieverslag").toString();
        String endDay = DutchValues.date(end);
        String explanation = switch (riv) {
            case "GEEN" -> "Het contract eindigde op " + endDay + " na " + sickDays + " ziektedagen: korter dan de"
                    + " drempel voor een re-integratieverslag. Alleen de ziek-uit-dienstmelding gaat naar UWV.";
            case "VERKORT" -> "Het contract eindigde op " + endDay + " na " + sickDays + " ziektedagen: het verkort"
                    + " re-integratieverslag (probleemanalyse en plan van aanpak) gaat met de ziek-uit-dienstmelding"
                    + " naar UWV.";
            default -> "Het contract eindigde op " + endDay + " na " + sickDays + " ziektedagen: het volledige"
                    + " re-integratieverslag, met de eindevaluatie uiterlijk op de laatste dag van het dienstverband,"
                    + " gaat met de ziek-uit-dienstmelding naar UWV.";
        };
        Object lastWorkingDay = content.get("laatsteWerkdag");
        EndReason reason = EndReason.of(content.get("eindeDienstverbandReden")).orElse(EndReason.ZIEK_UIT_DIENST);
        Object signed = content.get("vsoOndertekendOp");
        LocalDate signedOn = signed == null ? null : LocalDate.parse(signed.toString());
        if (reason == EndReason.VASTSTELLINGSOVEREENKOMST) {
            explanation = "Werkgever en werknemer beëindigden het dienstverband met een vaststellingsovereenkomst"
                    + (signedOn == null ? "" : ", ondertekend op " + DutchValues.date(signedOn)) + ". " + explanation;
        }
        return new Ending(reason.key(), end, lastWorkingDay == null ? null
                : LocalDate.parse(lastWorkingDay.toString()), sickDays, sickDays / 7, riv, explanation, signedOn);
    }

    Ending ending() {
        return ending;
    }

    /**
     * The day the parts are judged on: the day after the contract's last day (what was due by then and is not there
     * is missing), or today when that is earlier.
     */
    LocalDate judgedOn(LocalDate today) {
        LocalDate dayAfter = ending.contractEndDate().plusDays(1);
        return today.isBefore(dayAfter) ? today : dayAfter;
    }

    /** The eindevaluatie of a full verslag is due on the last day of employment; other dates stay. */
    LocalDate dueDate(RivPart part, LocalDate due) {
        return part == RivPart.EINDEVALUATIE && "VOLLEDIG".equals(ending.riv()) ? ending.contractEndDate() : due;
    }

    /** Does UWV get a verslag at all (not below the first threshold)? */
    boolean requiresAnyPart() {
        return !"GEEN".equals(ending.riv());
    }

    boolean requires(RivPart part, LocalDate due) {
        boolean dueByTheEnd = due == null || !due.isAfter(ending.contractEndDate());
        return switch (ending.riv()) {
            case "GEEN" -> false;
            case "VERKORT" -> SHORT_PARTS.contains(part) && dueByTheEnd;
            // the periodic evaluations held so far belong in it, whenever the next one would have been due
            default -> part == RivPart.EVALUATIES || SHORT_PARTS.contains(part) && dueByTheEnd
                    || part.required() && due != null && !due.isAfter(ending.contractEndDate());
        };
    }
}
