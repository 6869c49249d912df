package nl.spoorwijzer.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import nl.spoorwijzer.casedetails.Art6Part;
import nl.spoorwijzer.casedetails.CaseDetails;
import nl.spoorwijzer.casedetails.CaseDetailsRecords;
import nl.spoorwijzer.casedetails.DetailField;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.documents.CaseDocuments;
import nl.spoorwijzer.documents.DocumentInfo;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.process.DeclaredTaskProperties;
import nl.spoorwijzer.process.EndReason;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.TaskRoles;
import nl.spoorwijzer.report.ReintegrationReport.Attachment;
import nl.spoorwijzer.report.ReintegrationReport.Completeness;
import nl.spoorwijzer.report.ReintegrationReport.Document;
import nl.spoorwijzer.report.ReintegrationReport.Finding;
import nl.spoorwijzer.report.ReintegrationReport.Part;
import nl.spoorwijzer.report.ReintegrationReport.Status;
import nl.spoorwijzer.timeline.PoortwachterCalendar;
import org.springframework.stereotype.Service;

/**
 * Compiles the re-integratieverslag from the dossier: every part with its documents, their dates, authors and
 * whether they met their legal date, and the completeness check — the required parts that are missing or late now.
 */
@Service
public class ReintegrationReports {

    private final DossierRepository dossier;
    private final LegalTime time;
    private final PoortwachterCalendar calendar;
    private final DeclaredTaskProperties declaredProperties;
    private final CaseDocuments caseDocuments;
    private final CaseDetailsRecords caseDetails;

    public ReintegrationReports(DossierRepository dossier, LegalTime time, PoortwachterCalendar calendar,
                                DeclaredTaskProperties declaredProperties, CaseDocuments caseDocuments,
                                CaseDetailsRecords caseDetails) {
        this.caseDocuments = caseDocuments;
        this.caseDetails = caseDetails;
        this.dossier = dossier;
        this.time = time;
        this.calendar = calendar;
        this.declaredProperties = declaredProperties;
    }

    public ReintegrationReport compile(CaseFile file) {
        return compile(file, dossier.findByCase(file.caseId()));
    }

    /** Compiles from dossier entries the caller already read (in recorded order). */
    public ReintegrationReport compile(CaseFile file, List<DossierEntry> entries) {
        Map<String, Object> timeline = DossierEntry.latestTimeline(entries);
        ContractEndRiv contractEnd = ContractEndRiv.of(entries);
        LocalDate today = contractEnd == null ? time.today() : contractEnd.judgedOn(time.today());
        Map<String, String> declaredParts = declaredProperties.latest(RivPart.MODEL_PROPERTY);
        List<Part> parts = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<DocumentInfo> uploaded = caseDocuments.of(file.caseId());
        CaseDetails details = caseDetails.of(file);
        administrativeParts(details, contractEnd, timeline, today, parts, findings);
        for (RivPart definition : RivPart.values()) {
            List<Document> documents = documents(entries, definition, declaredParts);
            LocalDate due = dueDate(definition, timeline, documents, entries, declaredParts);
            boolean required = definition.required();
            if (contractEnd != null) {
                due = contractEnd.dueDate(definition, due);
                required = contractEnd.requires(definition, due);
            }
            Status status = status(definition, required, documents, due, today);
            parts.add(new Part(definition.name(), definition.title(), definition.author(), required,
                    status, due, documents, attachments(uploaded, definition.name())));
            if (required && (status == Status.ONTBREEKT || status == Status.TE_LAAT)) {
                findings.add(new Finding(definition.name(), definition.title(), status, due,
                        explanation(definition, status, due, documents)));
            }
        }
        return new ReintegrationReport(file.caseId(), file.employerId(), file.employeeId(), file.firstSickDay(),
                time.today(), timeline, parts, new Completeness(findings.isEmpty(), findings),
                contractEnd == null ? null : contractEnd.ending(), attachments(uploaded, null), details,
                closure(file, entries));
    }

    /** Why and when a closed case ended: its reason from the read model, the day from its last closing entry. */
    private static ReintegrationReport.Closure closure(CaseFile file, List<DossierEntry> entries) {
        if (!CaseFile.CLOSED.equals(file.status()) || file.closedReason() == null) {
            return null;
        }
        String label = EndReason.of(file.closedReason()).map(EndReason::label).orElse(file.closedReason());
        LocalDate date = null;
        for (DossierEntry entry : entries) {
            if (entry.type() == DossierEntryType.CASE_CLOSED && entry.content() != null) {
                Map<String, Object> content = entry.content();
                Object day = content.get("contractEinddatum") != null ? content.get("contractEinddatum")
                        : content.get("herstelDatum") != null ? content.get("herstelDatum")
                        : content.get("eindeWachttijd") != null ? content.get("eindeWachttijd") : content.get("datum");
                date = day == null ? date : LocalDate.parse(day.toString());
            }
        }
        return new ReintegrationReport.Closure(file.closedReason(), label, date);
    }

    /** The files uploaded for a part (or for none: {@code step} null), oldest first. */
    private List<Attachment> attachments(List<DocumentInfo> uploaded, String step) {
        List<Attachment> attachments = new ArrayList<>();
        for (int i = uploaded.size() - 1; i >= 0; i--) { // the list is newest first
            DocumentInfo document = uploaded.get(i);
            if (Objects.equals(document.step(), step)) {
                attachments.add(new Attachment(document.documentId(), document.fileName(), document.contentType(),
                        document.size(), document.uploadedBy(), document.uploadedByRole(),
                        time.dayOf(document.uploadedAt()), document.description()));
            }
        }
        return attachments;
    }

    /**
     * Art. 6 lid 1 a–d, recorded once by the werkgever: present when every field the verslag needs has a value. They
     * are due with the verslag itself — with the WIA application (the employee's view is due then too), or on the
     * contract's last day when a ziek-uit-dienst verslag is asked for — and missing only after that; until then the
     * part names what is still to be recorded.
     */
    private static void administrativeParts(CaseDetails details, ContractEndRiv contractEnd,
                                            Map<String, Object> timeline, LocalDate today, List<Part> parts,
                                            List<Finding> findings) {
        boolean required = contractEnd == null || contractEnd.requiresAnyPart();
        Object wiaApplication = timeline.get(RivPart.VISIE_WERKNEMER.milestone());
        LocalDate due = contractEnd != null ? contractEnd.ending().contractEndDate()
                : wiaApplication == null ? null : LocalDate.parse(wiaApplication.toString());
        for (Art6Part part : Art6Part.values()) {
            List<DetailField> missing = DetailField.missing(part, details);
            Status status = missing.isEmpty() ? Status.AANWEZIG
                    : !required ? Status.NIET_VAN_TOEPASSING
                    : due != null && today.isAfter(due) ? Status.ONTBREEKT : Status.NOG_NIET_NODIG;
            parts.add(new Part(part.name(), part.title(), "werkgever", required, status, due, List.of(),
                    List.of()));
            if (status == Status.ONTBREEKT) {
                findings.add(new Finding(part.name(), part.title(), status, due, "Nog vast te leggen bij de"
                        + " gegevens van de zaak: " + missing.stream().map(DetailField::label)
                        .collect(Collectors.joining(", ")) + "."));
            }
        }
    }

    /** The completeness rules for many cases at once (the risk sweep): the parts as the deployed models declare them now. */
    public RivGapCheck gapCheck() {
        return new RivGapCheck(declaredProperties.latest(RivPart.MODEL_PROPERTY));
    }

    public Completeness completeness(CaseFile file) {
        return compile(file).completeness();
    }

    public Completeness completeness(CaseFile file, List<DossierEntry> entries) {
        return compile(file, entries).completeness();
    }

    /**
     * The completed steps of a part: done in the platform, or done elsewhere before the case was imported (dated on
     * the day taken, not the day imported). Dates are legal days in the Netherlands, whatever offset the database
     * returns the instant in.
     */
    private List<Document> documents(List<DossierEntry> entries, RivPart part, Map<String, String> declaredParts) {
        return entries.stream()
                .filter(entry -> (entry.type() == DossierEntryType.TASK_COMPLETED
                        || entry.type() == DossierEntryType.STEP_IMPORTED) && entry.elementId() != null
                        && part.producedBy(entry.elementId(), declaredParts))
                .map(entry -> new Document(entry.subject(), dateOf(entry), entry.recordedBy(),
                        entry.role(), entry.dueDate(), entry.deadlineMet(), printable(entry.content()),
                        entry.processInstanceId(), entry.elementId(),
                        entry.model() == null ? null : entry.model().label()))
                .sorted(Comparator.comparing(Document::date))
                .toList();
    }

    private LocalDate dateOf(DossierEntry entry) {
        Object taken = entry.type() == DossierEntryType.STEP_IMPORTED ? entry.content().get("datum") : null;
        return taken != null ? LocalDate.parse(taken.toString()) : time.dayOf(entry.recordedAt());
    }

    /**
     * The part's legal date; for the periodic evaluations: the interval after the plan or the last evaluation the
     * werkgever held (the employee's own view on it, written in his own task, does not move the next one).
     */
    private LocalDate dueDate(RivPart part, Map<String, Object> timeline, List<Document> documents,
                              List<DossierEntry> entries, Map<String, String> declaredParts) {
        if (part.milestone() != null) {
            Object date = timeline.get(part.milestone());
            return date == null ? null : LocalDate.parse(date.toString());
        }
        if (part == RivPart.EVALUATIES) {
            List<Document> plan = documents(entries, RivPart.PLAN_VAN_AANPAK, declaredParts);
            List<Document> held = documents.stream()
                    .filter(document -> !TaskRoles.EMPLOYEE_ROLE.equals(document.role())).toList();
            LocalDate last = held.isEmpty() ? (plan.isEmpty() ? null : plan.get(0).date())
                    : held.get(held.size() - 1).date();
            return last == null ? null : calendar.nextPeriodicDue(last);
        }
        return null;
    }

    private static Status status(RivPart part, boolean required, List<Document> documents, LocalDate due,
                                 LocalDate today) {
        boolean late = documents.stream().anyMatch(document -> Boolean.FALSE.equals(document.onTime()));
        if (part == RivPart.EVALUATIES && required && due != null && today.isAfter(due)) {
            return Status.TE_LAAT; // the next evaluation is overdue
        }
        if (!documents.isEmpty()) {
            return late ? Status.TE_LAAT : Status.AANWEZIG;
        }
        if (!required) {
            return Status.NIET_VAN_TOEPASSING;
        }
        return due != null && today.isAfter(due) ? Status.ONTBREEKT : Status.NOG_NIET_NODIG;
    }

    private static String explanation(RivPart part, Status status, LocalDate due, List<Document> documents) {
        if (status == Status.ONTBREEKT) {
            return part.title() + " ontbreekt; de wettelijke termijn was " + DutchValues.date(due) + ".";
        }
        if (part == RivPart.EVALUATIES && (documents.isEmpty() || documents.stream()
                .noneMatch(document -> Boolean.FALSE.equals(document.onTime())))) {
            return "De volgende evaluatie had uiterlijk " + DutchValues.date(due) + " gehouden moeten worden.";
        }
        return part.title() + " is na de wettelijke termijn opgesteld.";
    }

    /** The submitted values worth printing: no empty answers. */
    private static Map<String, Object> printable(Map<String, Object> content) {
        Map<String, Object> values = new LinkedHashMap<>();
        content.forEach((key, value) -> {
            if (value != null && !value.toString().isBlank()) {
                values.put(key, value);
            }
        });
        return values;
    }
}
