package nl.spoorwijzer.timeline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a spoor 2 that the eerstejaarsevaluatie did not start (an exception of the Werkwijzer Poortwachter, DMN
 * {@code spoor-2-inzetten}) is examined again, bound from {@code spoorwijzer.timeline.spoor2.*}. No rule sets the date:
 * UWV asks that the exception is still valid when it judges the re-integratieverslag, and that spoor 2 starts as soon
 * as it is not.
 *
 * @param reexaminationWeeks   weeks after the decision (or the previous re-examination) on which the werkgever
 *                             examines again whether spoor 2 is needed. Recommended: 13 — the first exception is
 *                             "structural return within about 3 months", so after 13 weeks it has either happened or
 *                             failed; the other exceptions (marginal possibilities, AOW age) are checked as often, at
 *                             every second periodic evaluation (at most 6 weeks apart) [VERIFY].
 * @param reexaminationLeadDays days before the re-examination date on which the werkgever's task appears.
 *                             Recommended: 14, the lead the progress reports have.
 */
@ConfigurationProperties(prefix = "spoorwijzer.timeline.spoor2")
public record Spoor2Settings(
        @DefaultValue("13") int reexaminationWeeks,
        @DefaultValue("14") int reexaminationLeadDays) {

    public Spoor2Settings {
        if (reexaminationWeeks < 1) {
            throw new IllegalArgumentException("spoorwijzer.timeline.spoor2.reexamination-weeks must be at least 1 but"
                    + " was " + reexaminationWeeks);
        }
        if (reexaminationLeadDays < 0 || reexaminationLeadDays >= reexaminationWeeks * 7) {
            throw new IllegalArgumentException("spoorwijzer.timeline.spoor2.reexamination-lead-days must be 0 or more"
                    + " and less than the re-examination interval but was " + reexaminationLeadDays);
        }
    }

    /** The recommended values, the same as the {@link DefaultValue}s Spring binds. */
    public static Spoor2Settings defaults() {
        return new Spoor2Settings(13, 14);
    }
}
