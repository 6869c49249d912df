package nl.spoorwijzer.casefile;

import java.util.Comparator;
import nl.spoorwijzer.timeline.MilestoneKey;

/**
 * A step of the deadline read model ({@code case_deadline.milestone}): a legal milestone of the timeline
 * (timeline/MilestoneKey) or a report of the re-integratiebureau ({@link BureauReport}).
 *
 * @param key   as stored: kebab case, e.g. {@code plan-van-aanpak}, {@code voortgangsrapportage-bureau}
 * @param name  as the API shows it (field {@code milestone}): the constant, e.g. {@code PLAN_VAN_AANPAK},
 *              {@code VOORTGANGSRAPPORTAGE_BUREAU}
 * @param label the Dutch name
 * @param order the law's order: the milestones chronologically, then the bureau's reports
 */
public record DeadlineStep(String key, String name, String label, int order) {

    /** Legal milestones first, in the law's order, then the bureau's reports. */
    public static final Comparator<DeadlineStep> IN_ORDER = Comparator.comparingInt(DeadlineStep::order);

    public static DeadlineStep of(MilestoneKey milestone) {
        return new DeadlineStep(milestone.key(), milestone.name(), milestone.label(), milestone.ordinal());
    }

    public static DeadlineStep of(BureauReport report) {
        return new DeadlineStep(report.key(), report.name(), report.label(),
                MilestoneKey.values().length + report.ordinal());
    }

    /**
     * The step stored under this key.
     *
     * @throws IllegalArgumentException when no milestone or bureau report has that key
     */
    public static DeadlineStep fromKey(String key) {
        return BureauReport.ofKey(key).map(DeadlineStep::of).orElseGet(() -> of(MilestoneKey.fromKey(key)));
    }

    /** Order of a step's API name ({@link #name()}), for sorting figures by it. */
    public static int orderOfName(String name) {
        for (MilestoneKey milestone : MilestoneKey.values()) {
            if (milestone.name().equals(name)) {
                return of(milestone).order();
            }
        }
        return of(BureauReport.valueOf(name)).order();
    }
}
