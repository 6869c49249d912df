package nl.spoorwijzer.timeline;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The holidays the government adds, bound from {@code spoorwijzer.timeline.holidays.*}. The holidays of the
 * Algemene termijnenwet art. 3 lid 1 and 2 are computed ({@link PublicHolidays}); art. 3 lid 3 lets the government
 * equate further days with them by a decree published in the Staatscourant, and those are listed here.
 * Kept apart from {@link TimelineSettings} so that its positional constructor stays as it is.
 *
 * @param extra days equated with the algemeen erkende feestdagen by decree (Atw art. 3 lid 3), ISO dates, e.g.
 *              {@code spoorwijzer.timeline.holidays.extra=2027-05-05,2027-06-01}. Recommended default: none (no such
 *              decree is in force).
 */
@ConfigurationProperties(prefix = "spoorwijzer.timeline.holidays")
public record HolidaySettings(@DefaultValue @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> extra) {

    public HolidaySettings {
        extra = extra == null ? List.of() : List.copyOf(extra);
    }

    /** The recommended value: no day added by decree. */
    public static HolidaySettings defaults() {
        return new HolidaySettings(List.of());
    }

    public PublicHolidays publicHolidays() {
        return new PublicHolidays(extra);
    }
}
