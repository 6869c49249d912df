package nl.spoorwijzer.process;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nl.spoorwijzer.timeline.MilestoneKey;
import nl.spoorwijzer.timeline.PoortwachterCalendar;
import nl.spoorwijzer.timeline.SicknessPeriods;

/**
 * Something that happened to a running case and moves its legal timeline. {@link CaseRescheduling#apply} writes
 * the change into the case, recomputes the legal dates, moves the timers and due dates, records it in the dossier
 * and refreshes the case read model; the caller only says what happened. The request's own rules (who may, the
 * bounds, "already imposed") are checked by the caller before.
 */
public sealed interface TimelineChange {

    /**
     * The days by which dates counted from "today" move (periodic evaluations and reports, duration timers): the
     * healthy days of a recovery gap; 0 when only dates the calendar computes move.
     */
    default long shiftDays() {
        return 0;
    }

    /** Why the dates moved, in Dutch: the dossier says "Wettelijke termijnen verschoven: " + why. */
    String why();

    /** The change as the dossier records it (Dutch keys, ISO dates). */
    Map<String, Object> facts();

    /**
     * A relapse less than 4 weeks after full recovery continues the case (BW 7:629 lid 10): the healthy days become
     * a recovery gap and every date moves by them.
     */
    record RecoveryGapAdded(LocalDate recoveredOn, LocalDate relapseOn) implements TimelineChange {

        public RecoveryGapAdded {
            Objects.requireNonNull(recoveredOn, "recoveredOn");
            Objects.requireNonNull(relapseOn, "relapseOn");
        }

        @Override
        public long shiftDays() {
            return SicknessPeriods.healthyDays(recoveredOn, relapseOn);
        }

        @Override
        public String why() {
            return "terugval na " + shiftDays() + " hersteldagen";
        }

        @Override
        public Map<String, Object> facts() {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put(ProcessVariables.HERSTEL_DATUM, recoveredOn.toString());
            facts.put(ProcessVariables.TERUGVAL_DATUM, relapseOn.toString());
            facts.put("hersteldagen", shiftDays());
            return facts;
        }
    }

    /** UWV imposed a loonsanctie (WIA art. 25 lid 9): the waiting period ends later; each shortcoming is repaired. */
    record SanctionImposed(LocalDate decidedOn, int weeks, List<String> shortcomings) implements TimelineChange {

        /** The UWV decision type as the dossier names it. */
        public static final String TYPE = "LOONSANCTIE";

        public SanctionImposed {
            Objects.requireNonNull(decidedOn, "decidedOn");
            shortcomings = List.copyOf(shortcomings);
        }

        @Override
        public String why() {
            return "loonsanctie van " + weeks + " weken";
        }

        @Override
        public Map<String, Object> facts() {
            Map<String, Object> facts = uwvDecision(TYPE, decidedOn);
            facts.put("weken", weeks);
            facts.put("tekortkomingen", shortcomings);
            return facts;
        }
    }

    /** UWV granted a bekortingsverzoek: the loonsanctie ends 6 weeks after that decision. */
    record SanctionShortened(LocalDate grantedOn) implements TimelineChange {

        /** The UWV decision type as the dossier names it. */
        public static final String TYPE = "BEKORTING";

        public SanctionShortened {
            Objects.requireNonNull(grantedOn, "grantedOn");
        }

        /** The last day of the shortened loonsanctie. */
        public LocalDate sanctionEndsOn() {
            return PoortwachterCalendar.sanctionEndAfterBekorting(grantedOn);
        }

        @Override
        public String why() {
            return "bekorting van de loonsanctie";
        }

        @Override
        public Map<String, Object> facts() {
            Map<String, Object> facts = uwvDecision(TYPE, grantedOn);
            facts.put("loonsanctieEinde", sanctionEndsOn().toString());
            return facts;
        }
    }

    /**
     * UWV granted a voluntary extension of wage payment (WIA art. 24): the WIA application and the end of the waiting
     * period move; it adds to any earlier VVL ({@link CaseRescheduling#apply} records the new total).
     */
    record VvlGranted(LocalDate decidedOn, int weeks) implements TimelineChange {

        /** The UWV decision type as the dossier names it. */
        public static final String TYPE = "VVL";

        public VvlGranted {
            Objects.requireNonNull(decidedOn, "decidedOn");
        }

        @Override
        public String why() {
            return "vrijwillige verlenging loondoorbetaling van " + weeks + " weken";
        }

        @Override
        public Map<String, Object> facts() {
            Map<String, Object> facts = uwvDecision(TYPE, decidedOn);
            facts.put("weken", weeks);
            return facts;
        }
    }

    /**
     * Werkgever and werknemer agreed, with a reason, to deviate from the deadline of the probleemanalyse or the plan
     * van aanpak (Regeling procesgang eerste en tweede ziektejaar art. 5): that deadline becomes the agreed date.
     */
    record DeadlineAgreed(MilestoneKey step, LocalDate newDeadline, LocalDate agreedOn, String reason)
            implements TimelineChange {

        /** The deadlines art. 5 lets the parties move: those of art. 2 and art. 4. */
        public static final Set<MilestoneKey> STEPS = Set.of(MilestoneKey.PROBLEEMANALYSE,
                MilestoneKey.PLAN_VAN_AANPAK);

        public DeadlineAgreed {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(newDeadline, "newDeadline");
            Objects.requireNonNull(agreedOn, "agreedOn");
            Objects.requireNonNull(reason, "reason");
            if (!STEPS.contains(step)) {
                throw new IllegalArgumentException("art. 5 covers the probleemanalyse and plan van aanpak only: "
                        + step);
            }
        }

        /** The variable holding the agreed deadline of this step. */
        public String variable() {
            return agreedDeadlineVariable(step);
        }

        @Override
        public String why() {
            return "afwijking van de termijn " + step.label().toLowerCase() + " afgesproken";
        }

        @Override
        public Map<String, Object> facts() {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("type", "AFWIJKING_TERMIJN");
            facts.put("stap", step.key());
            facts.put("nieuweTermijn", newDeadline.toString());
            facts.put("afgesprokenOp", agreedOn.toString());
            facts.put("reden", reason);
            facts.put("grondslag", "Regeling procesgang eerste en tweede ziektejaar art. 5");
            return facts;
        }
    }

    /**
     * The case moved to another version of its model (Camunda migration): nothing about the case changed, but the new
     * version may read its timers and due dates differently, so every legal date is applied again.
     */
    record ModelMigrated(String processKey, int version, String versionTag) implements TimelineChange {

        public ModelMigrated {
            Objects.requireNonNull(processKey, "processKey");
        }

        @Override
        public String why() {
            return "zaak overgezet naar versie " + version + " van " + processKey;
        }

        @Override
        public Map<String, Object> facts() {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("type", "MODELVERSIE");
            facts.put("proces", processKey);
            facts.put("versie", version);
            facts.put("versionTag", versionTag == null ? "" : versionTag);
            return facts;
        }
    }

    /** The variable that holds the deadline werkgever and werknemer agreed for a step (art. 5), if any. */
    static String agreedDeadlineVariable(MilestoneKey step) {
        return step == MilestoneKey.PROBLEEMANALYSE ? ProcessVariables.PROBLEEMANALYSE_AFGESPROKEN_TERMIJN
                : ProcessVariables.PLAN_VAN_AANPAK_AFGESPROKEN_TERMIJN;
    }

    private static Map<String, Object> uwvDecision(String type, LocalDate decidedOn) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("type", type);
        facts.put("besluitdatum", decidedOn.toString());
        return facts;
    }
}
