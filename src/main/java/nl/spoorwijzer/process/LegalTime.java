package nl.spoorwijzer.process;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Converts between legal days and engine instants. A deadline "by day N" ends at the last second of that day in
 * the Netherlands, so a task is late only when it is still open after that day; timers and task due dates use that
 * instant.
 */
@Component
public class LegalTime {

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final Clock clock;

    public LegalTime(Clock clock) {
        this.clock = clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Date endOfDay(LocalDate day) {
        return Date.from(day.atTime(END_OF_DAY).atZone(zone()).toInstant());
    }

    public Date startOfDay(LocalDate day) {
        return Date.from(day.atStartOfDay(zone()).toInstant());
    }

    public LocalDate dayOf(Date instant) {
        return instant == null ? null : LocalDate.ofInstant(instant.toInstant(), zone());
    }

    public LocalDate dayOf(OffsetDateTime instant) {
        return instant == null ? null : instant.atZoneSameInstant(zone()).toLocalDate();
    }

    /** A date variable as forms (ISO text), the API ({@link LocalDate}) or the engine ({@link Date}) store it. */
    public LocalDate toDate(Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return dayOf(date);
        }
        String text = value.toString().trim();
        // Camunda Forms date fields submit YYYY-MM-DD; tolerate a date-time by taking its date part.
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }
}
