package nl.spoorwijzer.timeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Re-integration in own work (opbouw), bound from {@code spoorwijzer.timeline.own-work.*}. The law sets none of these
 * numbers; they are the practice the sources recommend.
 *
 * @param evaluationIntervalDays days between evaluations while an opbouwschema runs: "regelmatige evaluaties
 *                               (voorstel om de twee weken)" (seed 000). The plan van aanpak is still evaluated at
 *                               least every {@link TimelineSettings#evaluationIntervalDays()} days.
 * @param spoor1RecheckDays      days the werkgever has to assess the spoor 1 options again after a change of
 *                               belastbaarheid, organisation or a vacancy (seed 000 gives no term) [VERIFY].
 * @param maxHoursPerWeek        the most hours per week a period of an opbouwschema may plan, when the case's
 *                               contract hours are not known (the Arbeidstijdenwet's 60-hour week).
 */
@ConfigurationProperties(prefix = "spoorwijzer.timeline.own-work")
public record OwnWorkSettings(
        @DefaultValue("14") int evaluationIntervalDays,
        @DefaultValue("14") int spoor1RecheckDays,
        @DefaultValue("60") int maxHoursPerWeek) {

    public OwnWorkSettings {
        if (evaluationIntervalDays <= 0 || spoor1RecheckDays <= 0 || maxHoursPerWeek <= 0) {
            throw new IllegalArgumentException("spoorwijzer.timeline.own-work.*: intervals, days and hours must be"
                    + " positive");
        }
    }

    /** The recommended values, the same as the {@link DefaultValue}s Spring binds. */
    public static OwnWorkSettings defaults() {
        return new OwnWorkSettings(14, 14, 60);
    }
}
