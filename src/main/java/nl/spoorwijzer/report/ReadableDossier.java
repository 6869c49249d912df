package nl.spoorwijzer.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.spoorwijzer.casedetails.DirectoryNames;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.process.CaseDossier;
import nl.spoorwijzer.report.ReadableReport.Row;
import nl.spoorwijzer.report.ReintegrationReport.Document;
import org.springframework.stereotype.Component;

/**
 * The dossier as a person reads it on the case screen: who by name, every value under the label of the form that
 * recorded it (as in the re-integratieverslag), values the platform recorded under their key in words, dates
 * dd-mm-jjjj. The legal dates of an entry ({@code termijnen}) are left out: the case screen shows the timeline.
 */
@Component
public class ReadableDossier {

    private static final Pattern ISO_DATE_IN_TEXT = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern WORD_START = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    private final RivPresentation presentation;
    private final DirectoryNames names;

    ReadableDossier(RivPresentation presentation, DirectoryNames names) {
        this.presentation = presentation;
        this.names = names;
    }

    /**
     * One entry: what, when, who (id and name), its legal date and whether it was met, its values in words, and the
     * model version its step ran on ("poortwachter 1.5.0 (versie 5)"; null outside a step).
     */
    public record Entry(Long id, DossierEntryType type, String subject, OffsetDateTime recordedAt, String recordedBy,
                        String recordedByName, String role, LocalDate dueDate, Boolean deadlineMet,
                        List<Value> values, String modelVersion) {
    }

    public record Value(String label, String value) {
    }

    public List<Entry> of(List<DossierEntry> entries) {
        DirectoryNames.Memo people = names.memo();
        List<Entry> readable = new ArrayList<>();
        for (DossierEntry entry : entries) {
            String who = entry.recordedBy() == null || CaseDossier.SYSTEM.equals(entry.recordedBy()) ? "Spoorwijzer"
                    : people.person(entry.recordedBy());
            readable.add(new Entry(entry.id(), entry.type(), dutchDates(entry.subject()), entry.recordedAt(),
                    entry.recordedBy(), who, entry.role(), entry.dueDate(), entry.deadlineMet(), values(entry),
                    entry.model() == null ? null : entry.model().label()));
        }
        return readable;
    }

    private List<Value> values(DossierEntry entry) {
        Map<String, Object> content = new LinkedHashMap<>(entry.content() == null ? Map.of() : entry.content());
        content.remove(DossierEntry.TIMELINE);
        if (entry.type() == DossierEntryType.TASK_COMPLETED || entry.type() == DossierEntryType.STEP_IMPORTED) {
            List<Row> rows = presentation.values(new Document(entry.subject(), null, entry.recordedBy(), entry.role(),
                    entry.dueDate(), entry.deadlineMet(), content, entry.processInstanceId(), entry.elementId()));
            if (!rows.isEmpty() || content.isEmpty()) {
                return rows.stream().map(row -> new Value(row.label(), row.value())).toList();
            }
        }
        return content.entrySet().stream().filter(value -> value.getValue() != null)
                .map(value -> new Value(inWords(value.getKey()), shown(value.getValue()))).toList();
    }

    /** A key the platform recorded ({@code eindeWachttijd}) in words: "Einde wachttijd". */
    static String inWords(String key) {
        String words = String.join(" ", WORD_START.split(key)).toLowerCase(DutchValues.DUTCH);
        return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String shown(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(ReadableDossier::shown).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> inWords(String.valueOf(e.getKey())) + ": " + shown(e.getValue()))
                    .collect(Collectors.joining("; "));
        }
        String text = DutchValues.any(value);
        return text != null && text.matches("[A-Z][A-Z_]+") ? inWords(text.toLowerCase(DutchValues.DUTCH)
                .replace('_', ' ')) : text;
    }

    static String dutchDates(String text) {
        if (text == null) {
            return null;
        }
        Matcher date = ISO_DATE_IN_TEXT.matcher(text);
        return date.replaceAll("$3-$2-$1");
    }
}
