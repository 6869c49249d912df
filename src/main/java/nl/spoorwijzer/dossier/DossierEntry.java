package nl.spoorwijzer.dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One entry of the re-integratiedossier (Regeling procesgang art. 3): what happened in a case, by whom, in which
 * role and when, and — for a step with a legal deadline — the due date and whether it was met.
 *
 * @param content the submitted values or other facts of the entry, by name (never medical details)
 * @param model   the process model the step ran on; null for entries written outside a step or before issue 28
 */
public record DossierEntry(
        Long id,
        String caseId,
        String processInstanceId,
        String tenantId,
        DossierEntryType type,
        String subject,
        String elementId,
        String recordedBy,
        String role,
        OffsetDateTime recordedAt,
        LocalDate dueDate,
        Boolean deadlineMet,
        Map<String, Object> content,
        ModelVersion model) {

    /** The content key under which an entry records the case's legal dates (milestone key → date). */
    public static final String TIMELINE = "termijnen";

    public DossierEntry {
        content = content == null ? Map.of() : content;
    }

    /** An entry without a model version (written outside a process step). */
    public DossierEntry(Long id, String caseId, String processInstanceId, String tenantId, DossierEntryType type,
                        String subject, String elementId, String recordedBy, String role, OffsetDateTime recordedAt,
                        LocalDate dueDate, Boolean deadlineMet, Map<String, Object> content) {
        this(id, caseId, processInstanceId, tenantId, type, subject, elementId, recordedBy, role, recordedAt, dueDate,
                deadlineMet, content, null);
    }

    /** The legal dates as last computed for a case (entries in recorded order), or an empty map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> latestTimeline(List<DossierEntry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            DossierEntry entry = entries.get(i);
            if ((entry.type() == DossierEntryType.TIMELINE_COMPUTED || entry.type() == DossierEntryType.TIMELINE_UPDATED)
                    && entry.content().get(TIMELINE) instanceof Map<?, ?> dates) {
                return (Map<String, Object>) dates;
            }
        }
        return Map.of();
    }
}
