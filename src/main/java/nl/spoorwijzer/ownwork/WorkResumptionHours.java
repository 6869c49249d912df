package nl.spoorwijzer.ownwork;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.TaskRoles;
import nl.spoorwijzer.system.RuleViolationException;
import org.springframework.stereotype.Service;

/**
 * The hours the employee actually worked per week of his opbouwschema, beside the hours it planned: recorded by the
 * werkgever or by the employee himself (both know them; the dossier says who). A week recorded again is a correction:
 * the latest entry counts, the earlier one stays in the dossier.
 */
@Service
class WorkResumptionHours {

    static final String ELEMENT_ID = "gewerkteUrenVastleggen";
    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    /** A recorded week: ISO week, its Monday and Sunday, hours planned and worked, who recorded it and when. */
    record Week(String week, LocalDate weekFrom, LocalDate weekTo, BigDecimal plannedHours, BigDecimal workedHours,
                String recordedBy, String role, OffsetDateTime recordedAt) {
    }

    record HoursRequest(String week, BigDecimal workedHours) {
    }

    private final CaseAccess access;
    private final DossierRepository dossier;
    private final WorkResumptionSchedules schedules;
    private final LegalTime time;
    private final Clock clock;

    WorkResumptionHours(CaseAccess access, DossierRepository dossier, WorkResumptionSchedules schedules,
                        LegalTime time, Clock clock) {
        this.access = access;
        this.dossier = dossier;
        this.schedules = schedules;
        this.time = time;
        this.clock = clock;
    }

    DossierEntry record(CaseFile file, HoursRequest request) {
        String role = roleOfCaller(file);
        if (!CaseFile.OPEN.equals(file.status())) {
            throw RuleViolationException.conflict("caseId", "the case is " + file.status().toLowerCase()
                    + "; hours are recorded on a running case");
        }
        HoursRequest given = request == null ? new HoursRequest(null, null) : request;
        LocalDate monday = monday(given.week());
        BigDecimal hours = given.workedHours();
        WorkResumptionSchedules.HoursLimit limit = schedules.hoursLimit(file);
        if (hours == null) {
            throw RuleViolationException.invalid("workedHours", "is required: the hours worked in that week");
        }
        if (hours.signum() < 0 || hours.compareTo(limit.hours()) > 0) {
            throw RuleViolationException.invalid("workedHours", "must be from 0 to " + limit.hours().toPlainString()
                    + " (" + limit.name() + ")");
        }
        if (hours.stripTrailingZeros().scale() > 2) { // also keeps 1e-999999999 from being written out in full
            throw RuleViolationException.invalid("workedHours", "must have at most 2 decimals");
        }
        LocalDate today = time.today();
        if (monday.isAfter(today)) {
            throw RuleViolationException.invalid("week", "must not be a week that has not started (today is " + today
                    + ")");
        }
        List<DossierEntry> entries = dossier.findByCase(file.caseId());
        Schedule schedule = Schedule.current(entries).orElseThrow(() -> RuleViolationException.conflict("caseId",
                "the case has no opbouwschema; the werkgever sets one first (PUT work-resumption-schedule)"));
        BigDecimal planned = schedule.plannedHours(monday).orElseThrow(() -> RuleViolationException.invalid("week",
                "must lie within the opbouwschema, " + schedule.span().from() + " to " + schedule.span().to()));
        String week = isoWeek(monday);
        boolean correction = weeks(entries).containsKey(monday);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("week", week);
        content.put("weekVan", monday.toString());
        content.put("weekTot", monday.plusDays(6).toString());
        content.put("geplandeUren", planned);
        content.put("gewerkteUren", hours);
        content.put("schemaVersie", schedule.version());
        if (correction) {
            content.put("correctie", true);
        }
        return dossier.appendReturning(new DossierEntry(null, file.caseId(), file.processInstanceId(),
                file.employerId(), DossierEntryType.WORK_RESUMPTION_HOURS, "Gewerkte uren week " + week + ": "
                + hours.toPlainString() + " van " + planned.toPlainString() + " gepland" + (correction
                ? " (correctie)" : ""), ELEMENT_ID, access.callerId(), role, OffsetDateTime.now(clock), null, null,
                content));
    }

    /** The werkgever of the case's employer, the employee himself, or the administrator. */
    private String roleOfCaller(CaseFile file) {
        if (access.callerIsAdmin()) {
            return "beheerder";
        }
        if (file.employeeId() != null && file.employeeId().equals(access.callerId())) {
            return TaskRoles.EMPLOYEE_ROLE;
        }
        if (access.mayReportFor(file.employerId(), Role.WERKGEVER)) {
            return Role.WERKGEVER.groupId();
        }
        throw RuleViolationException.notAllowed("caseId", "hours worked are recorded by the werkgever of employer '"
                + file.employerId() + "' or the employee himself");
    }

    /** The latest recording of each week, by its Monday, in order. */
    static TreeMap<LocalDate, Week> weeks(List<DossierEntry> entries) {
        TreeMap<LocalDate, Week> weeks = new TreeMap<>();
        for (DossierEntry entry : entries) {
            if (entry.type() == DossierEntryType.WORK_RESUMPTION_HOURS) {
                Map<String, Object> c = entry.content();
                LocalDate monday = LocalDate.parse(c.get("weekVan").toString());
                weeks.put(monday, new Week(c.get("week").toString(), monday, monday.plusDays(6),
                        new BigDecimal(c.get("geplandeUren").toString()),
                        new BigDecimal(c.get("gewerkteUren").toString()), entry.recordedBy(), entry.role(),
                        entry.recordedAt()));
            }
        }
        return weeks;
    }

    /** An ISO week ({@code 2025-W14}) or a day of it ({@code 2025-03-31}): its Monday. */
    static LocalDate monday(String week) {
        if (week == null || week.isBlank()) {
            throw RuleViolationException.invalid("week", "is required: an ISO week (2025-W14) or a day of it"
                    + " (2025-03-31)");
        }
        String text = week.trim();
        Matcher iso = ISO_WEEK.matcher(text);
        try {
            if (iso.matches()) {
                LocalDate monday = LocalDate.of(Integer.parseInt(iso.group(1)), 1, 4)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(iso.group(2)))
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                if (!isoWeek(monday).equals(text)) {
                    throw new DateTimeParseException("no such week", text, 0);
                }
                return monday;
            }
            return LocalDate.parse(text).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        } catch (java.time.DateTimeException e) {
            throw RuleViolationException.invalid("week", "must be an ISO week (2025-W14) or a date YYYY-MM-DD"
                    + " (got '" + week + "')");
        }
    }

    static String isoWeek(LocalDate monday) {
        return "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
