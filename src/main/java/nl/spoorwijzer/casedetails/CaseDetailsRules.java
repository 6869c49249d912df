package nl.spoorwijzer.casedetails;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.spoorwijzer.casedetails.CaseDetails.Employee;
import nl.spoorwijzer.casedetails.CaseDetails.Employer;
import nl.spoorwijzer.casedetails.CaseDetails.Function;
import nl.spoorwijzer.casedetails.CaseDetails.OccupationalHealth;
import nl.spoorwijzer.casedetails.CaseDetails.Skills;
import nl.spoorwijzer.casedetails.CaseDetails.WorkedHours;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.system.Violation;

/**
 * The rules of the case details: lengths, formats (KvK number, loonheffingennummer, postal code), hours within a
 * working week, dates that make sense next to the first sick day. Every broken rule is named at once (one 400); what
 * passes comes back trimmed, with blank texts as absent. Missing values are allowed: the completeness check of the
 * verslag names them.
 */
final class CaseDetailsRules {

    static final int MAX_HOURS_PER_WEEK = 80;
    static final int MAX_PERIODS = 200;
    static final int OLDEST_AGE = 100;
    /** The youngest a worker can be in the Netherlands (Arbeidstijdenwet: light work from 13). */
    static final int YOUNGEST_AGE = 13;

    private static final Pattern KVK = Pattern.compile("\\d{8}");
    private static final Pattern PAYROLL_TAX = Pattern.compile("\\d{9}L\\d{2}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[1-9]\\d{3} ?[A-Z]{2}");
    private static final Pattern PERSONNEL_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,20}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{5,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final List<Violation> violations = new ArrayList<>();
    private final LocalDate firstSickDay;
    private final LocalDate today;

    private CaseDetailsRules(LocalDate firstSickDay, LocalDate today) {
        this.firstSickDay = firstSickDay;
        this.today = today;
    }

    /** The details as they may be stored, or a refusal naming every field and rule broken. */
    static CaseDetails check(CaseDetails details, LocalDate firstSickDay, LocalDate today) {
        if (details == null) {
            throw RuleViolationException.invalid("details", "is required: the case's details as an object");
        }
        CaseDetailsRules rules = new CaseDetailsRules(firstSickDay, today);
        CaseDetails checked = rules.checkAll(details);
        if (!rules.violations.isEmpty()) {
            throw new RuleViolationException(rules.violations);
        }
        return checked;
    }

    private CaseDetails checkAll(CaseDetails d) {
        Employee employee = d.employee() == null ? null : new Employee(
                date("employee.dateOfBirth", d.employee().dateOfBirth(), birthDayRange()),
                matching("employee.personnelNumber", d.employee().personnelNumber(), PERSONNEL_NUMBER,
                        "1 to 20 letters, digits or '-'"));
        Employer employer = d.employer() == null ? null : new Employer(
                text("employer.street", d.employer().street(), 100),
                postalCode(d.employer().postalCode()),
                text("employer.city", d.employer().city(), 60),
                matching("employer.payrollTaxNumber", upper(d.employer().payrollTaxNumber()), PAYROLL_TAX,
                        "a loonheffingennummer: 9 digits, the letter L and 2 digits (e.g. 123456789L01)"),
                matching("employer.kvkNumber", d.employer().kvkNumber(), KVK, "a KvK number: 8 digits"),
                text("employer.natureOfBusiness", d.employer().natureOfBusiness(), 1000),
                text("employer.contactName", d.employer().contactName(), 100),
                matching("employer.contactPhone", d.employer().contactPhone(), PHONE,
                        "a phone number: 6 to 20 digits, spaces, '-', '(' or ')', optionally starting with '+'"),
                email("employer.contactEmail", d.employer().contactEmail()));
        OccupationalHealth health = d.occupationalHealth() == null ? null : new OccupationalHealth(
                text("occupationalHealth.arbodienst", d.occupationalHealth().arbodienst(), 100),
                text("occupationalHealth.bedrijfsarts", d.occupationalHealth().bedrijfsarts(), 100),
                matching("occupationalHealth.phone", d.occupationalHealth().phone(), PHONE,
                        "a phone number: 6 to 20 digits, spaces, '-', '(' or ')', optionally starting with '+'"));
        Function function = d.function() == null ? null : new Function(
                text("function.title", d.function().title(), 100),
                text("function.description", d.function().description(), 2000),
                hours("function.contractHoursPerWeek", d.function().contractHoursPerWeek()),
                date("function.employedSince", d.function().employedSince(), new Range(today.minusYears(
                        OLDEST_AGE), firstSickDay, "on or before the first sick day " + firstSickDay)));
        Skills skills = d.skills() == null ? null : new Skills(
                text("skills.education", d.skills().education(), 1000),
                text("skills.experience", d.skills().experience(), 2000),
                text("skills.skills", d.skills().skills(), 2000));
        return new CaseDetails(employee, employer, health, function, skills, periods(d.hoursWorked()));
    }

    private record Range(LocalDate from, LocalDate to, String rule) {
    }

    private Range birthDayRange() {
        return new Range(firstSickDay.minusYears(OLDEST_AGE), firstSickDay.minusYears(YOUNGEST_AGE),
                "between " + OLDEST_AGE + " and " + YOUNGEST_AGE + " years before the first sick day " + firstSickDay);
    }

    private List<WorkedHours> periods(List<WorkedHours> periods) {
        if (periods == null) {
            return null;
        }
        if (periods.size() > MAX_PERIODS) {
            violations.add(new Violation("hoursWorked", "at most " + MAX_PERIODS + " periods"));
            return List.of();
        }
        List<WorkedHours> checked = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            WorkedHours period = periods.get(i);
            String field = "hoursWorked[" + i + "]";
            if (period == null) {
                violations.add(new Violation(field, "is required: a period with from, to and hoursPerWeek"));
                continue;
            }
            Range sinceSick = new Range(firstSickDay, today, "between the first sick day " + firstSickDay
                    + " and today " + today);
            LocalDate from = parse(field + ".from", required(field + ".from", period.from()), sinceSick);
            LocalDate to = parse(field + ".to", period.to(), sinceSick);
            if (from != null && to != null && to.isBefore(from)) {
                violations.add(new Violation(field + ".to", "must not be before from " + from));
            }
            BigDecimal hours = period.hoursPerWeek() == null ? null : hours(field + ".hoursPerWeek",
                    period.hoursPerWeek());
            if (period.hoursPerWeek() == null) {
                violations.add(new Violation(field + ".hoursPerWeek", "is required: 0 to " + MAX_HOURS_PER_WEEK));
            }
            if (from != null) {
                checked.add(new WorkedHours(from.toString(), to == null ? null : to.toString(), hours));
            }
        }
        checked.sort(Comparator.comparing(WorkedHours::from));
        for (int i = 1; i < checked.size(); i++) {
            WorkedHours before = checked.get(i - 1);
            if (before.to() == null || !LocalDate.parse(before.to()).isBefore(LocalDate.parse(checked.get(i).from()))) {
                violations.add(new Violation("hoursWorked", "periods must not overlap: the period from "
                        + before.from() + " runs into the one from " + checked.get(i).from()));
            }
        }
        return checked;
    }

    private String required(String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required: a date in ISO format YYYY-MM-DD"));
        }
        return value;
    }

    private String text(String field, String value, int max) {
        String text = trimmed(value);
        if (text != null && text.length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
        }
        return text;
    }

    private String matching(String field, String value, Pattern pattern, String rule) {
        String text = trimmed(value);
        if (text != null && !pattern.matcher(text).matches()) {
            violations.add(new Violation(field, "must be " + rule));
        }
        return text;
    }

    private String postalCode(String value) {
        String text = matching("employer.postalCode", upper(value), POSTAL_CODE,
                "a Dutch postal code: 4 digits and 2 letters (e.g. 3511 AB)");
        return text == null || text.length() != 6 ? text : text.substring(0, 4) + " " + text.substring(4);
    }

    private String email(String field, String value) {
        String text = text(field, value, 254);
        if (text != null && !EMAIL.matcher(text).matches()) {
            violations.add(new Violation(field, "must be an e-mail address"));
        }
        return text;
    }

    private BigDecimal hours(String field, BigDecimal hours) {
        if (hours == null) {
            return null;
        }
        if (hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(MAX_HOURS_PER_WEEK)) > 0) {
            violations.add(new Violation(field, "must be 0 to " + MAX_HOURS_PER_WEEK + " hours per week"));
        } else if (hours.stripTrailingZeros().scale() > 2) {
            violations.add(new Violation(field, "must have at most 2 decimals"));
        }
        return hours.stripTrailingZeros().scale() < 0 ? hours.setScale(0) : hours.stripTrailingZeros();
    }

    private String date(String field, String value, Range range) {
        LocalDate date = parse(field, value, range);
        return date == null ? null : date.toString();
    }

    private LocalDate parse(String field, String value, Range range) {
        String text = trimmed(value);
        if (text == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "must be a date in ISO format YYYY-MM-DD (got '" + text + "')"));
            return null;
        }
        if (date.isBefore(range.from()) || date.isAfter(range.to())) {
            violations.add(new Violation(field, "must be " + range.rule()));
        }
        return date;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String upper(String value) {
        return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
    }
}
