package nl.spoorwijzer.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casedetails.CaseDetails;

/** The re-integratieverslag of a case as compiled from its dossier today. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReintegrationReport(
        String caseId,
        String employerId,
        String employeeId,
        LocalDate firstSickDay,
        LocalDate compiledOn,
        Map<String, Object> timeline,
        List<Part> parts,
        Completeness completeness,
        Ending ending,
        List<Attachment> otherAttachments,
        CaseDetails details,
        Closure closure) {

    /**
     * Why and when the case ended ({@code process/EndReason}: its key, Dutch label and the day), when it is closed:
     * the value the verslag and the dashboard group by.
     */
    public record Closure(String reason, String label, LocalDate date) {
    }

    /**
     * How the case ended early, when that changes what the RIV holds: ziek uit dienst (the contract ended during
     * sickness), with the sickness length on the contract's last day and the verslag that asks for (Regeling
     * procesgang art. 6; domain reference §3.6): {@code GEEN}, {@code VERKORT} or {@code VOLLEDIG}. The reason is
     * {@code ziekUitDienst} or {@code vaststellingsovereenkomst} (then with the day it was signed).
     */
    public record Ending(String reason, LocalDate contractEndDate, LocalDate lastWorkingDay, long sickDays,
                         long sickWeeks, String riv, String explanation, LocalDate agreementSignedOn) {
    }

    /**
     * One part with the documents that make it up: the completed steps, and the files uploaded for it
     * ({@code attachments}, oldest first).
     */
    public record Part(String key, String title, String author, boolean required, Status status, LocalDate dueDate,
                       List<Document> documents, List<Attachment> attachments) {
    }

    /** A file uploaded with the case (documents/): sent to UWV with the RIV as a bijlage. */
    public record Attachment(String documentId, String fileName, String contentType, long size, String uploadedBy,
                             String role, LocalDate date, String description) {
    }

    /**
     * One completed step: what, when, by whom in which role, and whether it met its legal date; the task it was
     * (and the process instance), whose form labels its values.
     */
    public record Document(String subject, LocalDate date, String recordedBy, String role, LocalDate dueDate,
                           Boolean onTime, Map<String, Object> content, String processInstanceId, String taskKey,
                           String modelVersion) {

        /** A step whose model version is not recorded (before issue 28). */
        public Document(String subject, LocalDate date, String recordedBy, String role, LocalDate dueDate,
                        Boolean onTime, Map<String, Object> content, String processInstanceId, String taskKey) {
            this(subject, date, recordedBy, role, dueDate, onTime, content, processInstanceId, taskKey, null);
        }
    }

    public enum Status {
        /** Present, and on time where the law sets a date. */
        AANWEZIG("Aanwezig"),
        /** Present, but (one of its documents) after its legal date. */
        TE_LAAT("Te laat"),
        /** Its legal date passed and it is not there. */
        ONTBREEKT("Ontbreekt"),
        /** Not due yet. */
        NOG_NIET_NODIG("Nog niet nodig"),
        /** An attachment this case does not have. */
        NIET_VAN_TOEPASSING("Niet van toepassing");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The status as the verslag and Tasklist show it. */
        public String label() {
            return label;
        }
    }

    /** What UWV would sanction today: the required parts that are missing or late. */
    public record Completeness(boolean complete, List<Finding> findings) {
    }

    public record Finding(String part, String title, Status status, LocalDate dueDate, String explanation) {
    }
}
