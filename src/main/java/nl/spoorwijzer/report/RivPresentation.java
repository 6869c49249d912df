package nl.spoorwijzer.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.spoorwijzer.casedetails.Art6Part;
import nl.spoorwijzer.casedetails.CaseDetails;
import nl.spoorwijzer.casedetails.DetailField;
import nl.spoorwijzer.casedetails.DirectoryNames;
import nl.spoorwijzer.forms.FormField;
import nl.spoorwijzer.forms.FormSchema;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.process.EndReason;
import nl.spoorwijzer.process.ImportableStep;
import nl.spoorwijzer.report.ReadableReport.AttachmentView;
import nl.spoorwijzer.report.ReadableReport.DocumentView;
import nl.spoorwijzer.report.ReadableReport.FindingRow;
import nl.spoorwijzer.report.ReadableReport.MilestoneRow;
import nl.spoorwijzer.report.ReadableReport.PartView;
import nl.spoorwijzer.report.ReadableReport.Row;
import nl.spoorwijzer.report.ReadableReport.Section;
import nl.spoorwijzer.report.ReintegrationReport.Attachment;
import nl.spoorwijzer.report.ReintegrationReport.Document;
import nl.spoorwijzer.report.ReintegrationReport.Part;
import nl.spoorwijzer.report.ReintegrationReport.Status;
import nl.spoorwijzer.timeline.MilestoneKey;
import org.springframework.stereotype.Component;

/**
 * Turns a compiled re-integratieverslag into what a reader sees: each recorded value under its form field's label
 * (an option under its option's label, a checkbox as Ja/Nee, a date as dd-mm-jjjj), values that no form asked for
 * under a label of {@link #PLATFORM_LABELS} or left out, the legal milestones in the law's order with their state,
 * people and employers by name.
 */
@Component
class RivPresentation {

    /** Labels of the values the platform itself records with a step (an imported step); any other is left out. */
    static final Map<String, String> PLATFORM_LABELS = Map.of(
            "stap", "Stap",
            "datum", "Datum",
            "rol", "Gezet door",
            "document", "Document",
            "opgegevenDoor", "Opgegeven door",
            "geimporteerdOp", "Geïmporteerd op");

    private final StepForms forms;
    private final DirectoryNames names;

    RivPresentation(StepForms forms, DirectoryNames names) {
        this.forms = forms;
        this.names = names;
    }

    ReadableReport of(ReintegrationReport report, String timelineSvg) {
        DirectoryNames.Memo people = names.memo();
        String employee = people.person(report.employeeId());
        List<Row> header = new ArrayList<>(List.of(
                new Row("Werknemer", employee),
                new Row("Werkgever", names.employer(report.employerId())),
                new Row("Zaaknummer", report.caseId()),
                new Row("Eerste ziektedag", DutchValues.longDate(report.firstSickDay())),
                new Row("Samengesteld op", DutchValues.longDate(report.compiledOn()))));
        if (report.closure() != null) {
            header.add(new Row("Einde zaak", report.closure().label()));
            if (report.closure().date() != null) {
                header.add(new Row("Datum einde", DutchValues.longDate(report.closure().date())));
            }
        }
        return new ReadableReport(report.caseId(), "Re-integratieverslag " + employee,
                DutchValues.longDate(report.compiledOn()), header, administrative(report),
                hoursWorked(report.details()), milestones(report), timelineSvg, ending(report),
                report.completeness().complete(), findings(report), parts(report, people),
                attachments(report.otherAttachments(), people));
    }

    private List<Section> administrative(ReintegrationReport report) {
        List<Section> sections = new ArrayList<>();
        for (Art6Part part : Art6Part.values()) {
            Part status = report.parts().stream().filter(p -> p.key().equals(part.name())).findFirst().orElseThrow();
            List<Row> rows = new ArrayList<>();
            for (DetailField field : DetailField.of(part)) {
                Object value = field.valueIn(report.details());
                if (value != null) {
                    rows.add(new Row(field.label(), detailValue(field, value)));
                }
            }
            List<DetailField> missing = DetailField.missing(part, report.details());
            sections.add(new Section(part.letter() + ". " + part.title(), status.status().label(),
                    status.status().name(), rows, missing.isEmpty() ? null : "Nog niet vastgelegd: "
                    + missing.stream().map(DetailField::label).collect(Collectors.joining(", ")) + "."));
        }
        return sections;
    }

    private static String detailValue(DetailField field, Object value) {
        return switch (field.kind()) {
            case DATE -> DutchValues.any(value.toString());
            case NUMBER -> DutchValues.number((Number) value)
                    + (field == DetailField.CONTRACT_HOURS ? " uur per week" : "");
            default -> value.toString();
        };
    }

    private static Section hoursWorked(CaseDetails details) {
        List<Row> rows = new ArrayList<>();
        if (details != null && details.hoursWorked() != null) {
            for (CaseDetails.WorkedHours period : details.hoursWorked()) {
                String from = DutchValues.any(period.from());
                rows.add(new Row(period.to() == null ? "Vanaf " + from : from + " t/m " + DutchValues.any(period.to()),
                        DutchValues.number(period.hoursPerWeek()) + " uur per week"));
            }
        }
        return new Section("Feitelijk gewerkte uren sinds de eerste ziektedag (art. 3)", null, null, rows,
                rows.isEmpty() ? "Geen werkhervatting vastgelegd." : null);
    }

    /** Every legal milestone of the case in the law's order (MilestoneKey's), with its date and state. */
    private static List<MilestoneRow> milestones(ReintegrationReport report) {
        List<MilestoneRow> rows = new ArrayList<>();
        for (MilestoneKey key : MilestoneKey.values()) {
            Object value = report.timeline().get(key.key());
            LocalDate date = value == null ? null : DutchValues.isoDate(value.toString());
            if (date == null) {
                continue;
            }
            String state = state(report, key, date);
            rows.add(new MilestoneRow(key.label(), DutchValues.date(date), state, stateClass(state)));
        }
        return rows;
    }

    private static String state(ReintegrationReport report, MilestoneKey key, LocalDate date) {
        Optional<Part> part = report.parts().stream().filter(p -> isPartOf(p, key)).findFirst();
        if (part.isPresent() && part.get().required()) {
            Status status = part.get().status();
            switch (status) {
                case AANWEZIG -> { return "Gedaan, op tijd"; }
                case TE_LAAT -> { return "Gedaan, te laat"; }
                case ONTBREEKT -> { return "Gemist"; }
                default -> { }
            }
        }
        Optional<Document> step = report.parts().stream().flatMap(p -> p.documents().stream())
                .filter(document -> date.equals(document.dueDate())).findFirst();
        if (step.isPresent() && step.get().onTime() != null) {
            return step.get().onTime() ? "Gedaan, op tijd" : "Gedaan, te laat";
        }
        return date.isBefore(report.compiledOn()) ? "Datum verstreken" : "Komt nog";
    }

    private static boolean isPartOf(Part part, MilestoneKey key) {
        try {
            return key.key().equals(RivPart.valueOf(part.key()).milestone());
        } catch (IllegalArgumentException notARivPart) {
            return false;
        }
    }

    private static String stateClass(String state) {
        return switch (state) {
            case "Gedaan, op tijd" -> "AANWEZIG";
            case "Gedaan, te laat", "Gemist" -> "ONTBREEKT";
            default -> "OPEN";
        };
    }

    private static ReadableReport.Ending ending(ReintegrationReport report) {
        ReintegrationReport.Ending ending = report.ending();
        if (ending == null) {
            return null;
        }
        EndReason reason = EndReason.of(ending.reason()).orElse(EndReason.ZIEK_UIT_DIENST);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Reden einde", reason.label()));
        if (ending.agreementSignedOn() != null) {
            rows.add(new Row("Vaststellingsovereenkomst ondertekend op",
                    DutchValues.longDate(ending.agreementSignedOn())));
        }
        rows.add(new Row("Laatste dag contract", DutchValues.longDate(ending.contractEndDate())));
        if (ending.lastWorkingDay() != null) {
            rows.add(new Row("Laatste werkdag (ziek-uit-dienstmelding)", DutchValues.longDate(ending.lastWorkingDay())));
        }
        rows.add(new Row("Ziekteduur op de laatste dag", ending.sickDays() + " dagen (" + ending.sickWeeks()
                + " weken)"));
        rows.add(new Row("Re-integratieverslag", switch (ending.riv()) {
            case "GEEN" -> "Niet nodig (alleen de ziek-uit-dienstmelding)";
            case "VERKORT" -> "Verkort re-integratieverslag";
            default -> "Volledig re-integratieverslag";
        }));
        return new ReadableReport.Ending("Zaak beëindigd: " + reason.label().toLowerCase(DutchValues.DUTCH), rows,
                ending.explanation());
    }

    private static List<FindingRow> findings(ReintegrationReport report) {
        return report.completeness().findings().stream().map(finding -> new FindingRow(finding.title(),
                finding.status().label(), finding.status().name(),
                finding.dueDate() == null ? "" : DutchValues.date(finding.dueDate()), finding.explanation())).toList();
    }

    private List<PartView> parts(ReintegrationReport report, DirectoryNames.Memo people) {
        List<PartView> parts = new ArrayList<>();
        for (Part part : report.parts()) {
            if (!isRivPart(part)) {
                continue; // art. 6 lid 1 a–d are shown with the case's details
            }
            StringBuilder meta = new StringBuilder("Opgesteld door: ").append(part.author());
            if (part.dueDate() != null) {
                meta.append(" · wettelijke termijn: ").append(DutchValues.date(part.dueDate()));
            }
            meta.append(part.required() ? " · verplicht onderdeel" : " · bijlage");
            parts.add(new PartView(part.title(), part.status().label(), part.status().name(), meta.toString(),
                    part.documents().stream().map(document -> document(document, people)).toList(),
                    attachments(part.attachments(), people)));
        }
        return parts;
    }

    private List<AttachmentView> attachments(List<Attachment> attachments, DirectoryNames.Memo people) {
        return attachments.stream().map(attachment -> {
            StringBuilder meta = new StringBuilder(DutchValues.date(attachment.date()));
            meta.append(" · toegevoegd door ").append(people.person(attachment.uploadedBy()));
            if (attachment.role() != null) {
                meta.append(" (").append(roleLabel(attachment.role()).toLowerCase(DutchValues.DUTCH)).append(')');
            }
            return new AttachmentView(attachment.fileName(), meta.toString(), attachment.description());
        }).toList();
    }

    private static boolean isRivPart(Part part) {
        try {
            RivPart.valueOf(part.key());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private DocumentView document(Document document, DirectoryNames.Memo people) {
        StringBuilder meta = new StringBuilder(DutchValues.date(document.date()));
        meta.append(" · door ").append(CaseDossier.SYSTEM.equals(document.recordedBy()) ? "Spoorwijzer"
                : people.person(document.recordedBy()));
        if (document.role() != null) {
            meta.append(" (").append(roleLabel(document.role()).toLowerCase(DutchValues.DUTCH)).append(')');
        }
        if (document.dueDate() != null) {
            meta.append(" · termijn ").append(DutchValues.date(document.dueDate()));
            if (document.onTime() != null) {
                meta.append(document.onTime() ? ", op tijd" : ", te laat");
            }
        }
        if (document.modelVersion() != null) {
            meta.append(" · modelversie ").append(document.modelVersion());
        }
        return new DocumentView(document.subject(), meta.toString(), values(document));
    }

    /** The values of a step under their form's labels; values no form asked for under a platform label, or left out. */
    List<Row> values(Document document) {
        FormSchema form = forms.of(document.processInstanceId(), document.taskKey()).orElse(null);
        List<Row> rows = new ArrayList<>();
        document.content().forEach((key, value) -> {
            FormField field = form == null ? null : form.fields().get(key);
            if (field != null && field.label() != null) {
                rows.add(new Row(withoutFormHint(field.label()), formValue(field, value)));
            } else if (PLATFORM_LABELS.containsKey(key)) {
                rows.add(new Row(PLATFORM_LABELS.get(key), platformValue(key, value)));
            }
        });
        return rows;
    }

    /** A form's reminder to its writer ("(geen medische gegevens)") is not for the reader of the verslag. */
    private static String withoutFormHint(String label) {
        return label.replace(" (geen medische gegevens)", "").replace(" (alleen functioneel)", "").strip();
    }

    private String formValue(FormField field, Object value) {
        if (value == null) {
            return null; // a field left empty (an optional number, a hidden choice): nothing to show
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(v -> option(field, v)).collect(Collectors.joining(", "));
        }
        return switch (field.type()) {
            case "checkbox" -> DutchValues.yesNo(Boolean.parseBoolean(value.toString()));
            case "radio", "select", "checklist", "taglist" -> option(field, value);
            case "number" -> value instanceof Number number ? DutchValues.number(number) : numberText(value);
            default -> DutchValues.any(value);
        };
    }

    private static String numberText(Object value) {
        try {
            return DutchValues.number(new BigDecimal(value.toString()));
        } catch (NumberFormatException e) {
            return value.toString();
        }
    }

    /** An option by its label; an option from a variable (an organisation) by its directory name. */
    private String option(FormField field, Object value) {
        String text = value.toString();
        if (field.optionLabels() != null && field.optionLabels().containsKey(text)) {
            return field.optionLabel(text);
        }
        if (field.optionsVariable() != null) {
            String group = names.group(text);
            if (group != null) {
                return group;
            }
        }
        return DutchValues.any(text);
    }

    private static String platformValue(String key, Object value) {
        return switch (key) {
            case "stap" -> ImportableStep.ofKey(value.toString()).map(ImportableStep::label).orElse(value.toString());
            case "rol" -> roleLabel(value.toString());
            default -> DutchValues.any(value);
        };
    }

    private static String roleLabel(String groupId) {
        return Role.ofGroup(groupId).map(Role::label).orElse(groupId);
    }
}
