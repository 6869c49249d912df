package nl.spoorwijzer.timeline;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All legal dates of one case, in the order of {@link MilestoneKey}.
 */
public record Timeline(LocalDate firstSickDay, List<Milestone> milestones) {

    public Timeline {
        milestones = List.copyOf(milestones);
    }

    /**
     * @throws IllegalArgumentException when the timeline has no milestone with that key
     */
    public Milestone get(MilestoneKey key) {
        return milestones.stream()
                .filter(milestone -> milestone.key() == key)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No milestone " + key + " in this timeline"));
    }

    public LocalDate dateOf(MilestoneKey key) {
        return get(key).date();
    }

    /** Milestone key string (e.g. {@code "plan-van-aanpak"}) to date, in milestone order. */
    public Map<String, LocalDate> asDateMap() {
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        milestones.forEach(milestone -> dates.put(milestone.key().key(), milestone.date()));
        return Collections.unmodifiableMap(dates);
    }
}
