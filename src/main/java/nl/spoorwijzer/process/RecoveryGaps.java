package nl.spoorwijzer.process;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.spoorwijzer.timeline.RecoveryGap;

/**
 * The recovery gaps of a case as one process variable ({@link ProcessVariables#HERSTELPERIODES}): ISO ranges of
 * healthy days separated by commas, readable in Cockpit and without Java serialization.
 */
public final class RecoveryGaps {

    private RecoveryGaps() {
    }

    public static List<RecoveryGap> parse(String text) {
        List<RecoveryGap> gaps = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return gaps;
        }
        for (String range : text.split(",")) {
            String[] days = range.trim().split("/");
            gaps.add(new RecoveryGap(LocalDate.parse(days[0]), LocalDate.parse(days[1])));
        }
        return gaps;
    }

    public static String format(List<RecoveryGap> gaps) {
        return gaps.stream().map(gap -> gap.firstHealthyDay() + "/" + gap.lastHealthyDay())
                .collect(Collectors.joining(","));
    }
}
