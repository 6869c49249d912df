package nl.spoorwijzer.casedetails;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every field of {@link CaseDetails} with its Dutch label, the art. 6 part it belongs to and whether the verslag
 * needs it: the one vocabulary for the API's refusals, the dossier's record of a change, the completeness check and
 * the re-integratieverslag. Free-text fields carry "(geen medische gegevens)" in the label a form shows.
 */
public enum DetailField {
    DATE_OF_BIRTH("employee.dateOfBirth", "Geboortedatum werknemer", Art6Part.ADMINISTRATIEVE_GEGEVENS, true,
            Kind.DATE, d -> d.employee() == null ? null : d.employee().dateOfBirth()),
    PERSONNEL_NUMBER("employee.personnelNumber", "Personeelsnummer", Art6Part.ADMINISTRATIEVE_GEGEVENS, false,
            Kind.TEXT, d -> d.employee() == null ? null : d.employee().personnelNumber()),
    EMPLOYER_STREET("employer.street", "Adres werkgever", Art6Part.ADMINISTRATIEVE_GEGEVENS, true, Kind.TEXT,
            d -> d.employer() == null ? null : d.employer().street()),
    EMPLOYER_POSTAL_CODE("employer.postalCode", "Postcode werkgever", Art6Part.ADMINISTRATIEVE_GEGEVENS, true,
            Kind.TEXT, d -> d.employer() == null ? null : d.employer().postalCode()),
    EMPLOYER_CITY("employer.city", "Plaats werkgever", Art6Part.ADMINISTRATIEVE_GEGEVENS, true, Kind.TEXT,
            d -> d.employer() == null ? null : d.employer().city()),
    PAYROLL_TAX_NUMBER("employer.payrollTaxNumber", "Loonheffingennummer", Art6Part.ADMINISTRATIEVE_GEGEVENS, true,
            Kind.TEXT, d -> d.employer() == null ? null : d.employer().payrollTaxNumber()),
    KVK_NUMBER("employer.kvkNumber", "KvK-nummer", Art6Part.ADMINISTRATIEVE_GEGEVENS, false, Kind.TEXT,
            d -> d.employer() == null ? null : d.employer().kvkNumber()),
    CONTACT_NAME("employer.contactName", "Contactpersoon werkgever", Art6Part.ADMINISTRATIEVE_GEGEVENS, true,
            Kind.TEXT, d -> d.employer() == null ? null : d.employer().contactName()),
    CONTACT_PHONE("employer.contactPhone", "Telefoon contactpersoon", Art6Part.ADMINISTRATIEVE_GEGEVENS, true,
            Kind.TEXT, d -> d.employer() == null ? null : d.employer().contactPhone()),
    CONTACT_EMAIL("employer.contactEmail", "E-mail contactpersoon", Art6Part.ADMINISTRATIEVE_GEGEVENS, false,
            Kind.TEXT, d -> d.employer() == null ? null : d.employer().contactEmail()),
    ARBODIENST("occupationalHealth.arbodienst", "Arbodienst", Art6Part.ADMINISTRATIEVE_GEGEVENS, true, Kind.TEXT,
            d -> d.occupationalHealth() == null ? null : d.occupationalHealth().arbodienst()),
    BEDRIJFSARTS("occupationalHealth.bedrijfsarts", "Bedrijfsarts", Art6Part.ADMINISTRATIEVE_GEGEVENS, true,
            Kind.TEXT, d -> d.occupationalHealth() == null ? null : d.occupationalHealth().bedrijfsarts()),
    ARBODIENST_PHONE("occupationalHealth.phone", "Telefoon arbodienst", Art6Part.ADMINISTRATIEVE_GEGEVENS, false,
            Kind.TEXT, d -> d.occupationalHealth() == null ? null : d.occupationalHealth().phone()),
    NATURE_OF_BUSINESS("employer.natureOfBusiness", "Aard van het bedrijf", Art6Part.AARD_VAN_HET_BEDRIJF, true,
            Kind.FREE_TEXT, d -> d.employer() == null ? null : d.employer().natureOfBusiness()),
    FUNCTION_TITLE("function.title", "Functie", Art6Part.FUNCTIE, true, Kind.TEXT,
            d -> d.function() == null ? null : d.function().title()),
    FUNCTION_DESCRIPTION("function.description", "Omschrijving van het werk", Art6Part.FUNCTIE, true,
            Kind.FREE_TEXT, d -> d.function() == null ? null : d.function().description()),
    CONTRACT_HOURS("function.contractHoursPerWeek", "Contracturen per week", Art6Part.FUNCTIE, true, Kind.NUMBER,
            d -> d.function() == null ? null : d.function().contractHoursPerWeek()),
    EMPLOYED_SINCE("function.employedSince", "In dienst sinds", Art6Part.FUNCTIE, false, Kind.DATE,
            d -> d.function() == null ? null : d.function().employedSince()),
    EDUCATION("skills.education", "Opleiding", Art6Part.VAARDIGHEDEN, true, Kind.FREE_TEXT,
            d -> d.skills() == null ? null : d.skills().education()),
    EXPERIENCE("skills.experience", "Werkervaring", Art6Part.VAARDIGHEDEN, true, Kind.FREE_TEXT,
            d -> d.skills() == null ? null : d.skills().experience()),
    SKILLS("skills.skills", "Vaardigheden en certificaten", Art6Part.VAARDIGHEDEN, false, Kind.FREE_TEXT,
            d -> d.skills() == null ? null : d.skills().skills());

    /** What a field holds, for checking and showing it. */
    public enum Kind { TEXT, FREE_TEXT, DATE, NUMBER }

    /** The label of the hours actually worked (art. 3), a list rather than one field. */
    public static final String HOURS_WORKED_LABEL = "Feitelijk gewerkte uren";
    public static final String HOURS_WORKED_PATH = "hoursWorked";
    /** What a form shows with every free-text field. */
    public static final String NO_MEDICAL_DETAILS = " (geen medische gegevens)";

    private final String path;
    private final String label;
    private final Art6Part part;
    private final boolean required;
    private final Kind kind;
    private final Function<CaseDetails, Object> value;

    DetailField(String path, String label, Art6Part part, boolean required, Kind kind,
                Function<CaseDetails, Object> value) {
        this.path = path;
        this.label = label;
        this.part = part;
        this.required = required;
        this.kind = kind;
        this.value = value;
    }

    /** The field's name in the API (JSON path), as refusals name it. */
    public String path() {
        return path;
    }

    /** The Dutch label the verslag shows. */
    public String label() {
        return label;
    }

    /** The label a form shows: free texts warn against medical details. */
    public String formLabel() {
        return kind == Kind.FREE_TEXT ? label + NO_MEDICAL_DETAILS : label;
    }

    public Art6Part part() {
        return part;
    }

    /** Does the verslag need it (art. 6 lid 1)? The others are shown when known. */
    public boolean required() {
        return required;
    }

    public Kind kind() {
        return kind;
    }

    /** The recorded value (text, ISO date text or number), or null. */
    public Object valueIn(CaseDetails details) {
        Object v = value.apply(details == null ? CaseDetails.EMPTY : details);
        return v instanceof String text && text.isBlank() ? null : v;
    }

    public static List<DetailField> of(Art6Part part) {
        return Arrays.stream(values()).filter(field -> field.part == part).toList();
    }

    public static Optional<DetailField> byPath(String path) {
        return Arrays.stream(values()).filter(field -> field.path.equals(path)).findFirst();
    }

    /** The required fields of a part that have no value. */
    public static List<DetailField> missing(Art6Part part, CaseDetails details) {
        return of(part).stream().filter(field -> field.required && field.valueIn(details) == null).toList();
    }
}
