package nl.spoorwijzer.activities;

import java.time.LocalDate;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.casefile.CaseLegalDates;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.timeline.MilestoneKey;
import org.springframework.stereotype.Component;

/**
 * The bounds of the dates the spoor 2 actions take, beyond the form's own rules (every input is untrusted): what
 * happened lies between the first sick day and today; a placement starts within the waiting period, whose end the
 * case's timeline holds (it moves with a VVL or a loonsanctie). Each refusal names the API's field.
 */
@Component
class ActionDates {

    private final LegalTime time;
    private final CaseLegalDates legalDates;

    ActionDates(LegalTime time, CaseLegalDates legalDates) {
        this.time = time;
        this.legalDates = legalDates;
    }

    /** A day on which something already happened: not before the first sick day, not after today. */
    void requireHappened(CaseFile file, Object value, String field) {
        LocalDate day = time.toDate(value);
        if (day == null) {
            return; // the form requires it; a form a process owner changed may not
        }
        requireFromFirstSickDay(file, day, field);
        LocalDate today = time.today();
        if (day.isAfter(today)) {
            throw RuleViolationException.invalid(field, "must not be in the future (today is " + today + ")");
        }
    }

    /** The start of a placement: not before the first sick day, not after the end of the waiting period. */
    void requireWithinWaitingPeriod(CaseFile file, Object value, String field) {
        LocalDate day = time.toDate(value);
        if (day == null) {
            return;
        }
        requireFromFirstSickDay(file, day, field);
        LocalDate end = legalDates.of(file.processInstanceId(), MilestoneKey.EINDE_WACHTTIJD);
        if (end != null && day.isAfter(end)) {
            throw RuleViolationException.invalid(field, "must be on or before " + end + ", the end of the waiting"
                    + " period: a placement in spoor 2 starts within it");
        }
    }

    private static void requireFromFirstSickDay(CaseFile file, LocalDate day, String field) {
        if (day.isBefore(file.firstSickDay())) {
            throw RuleViolationException.invalid(field, "must not be before the first sick day "
                    + file.firstSickDay());
        }
    }

}
