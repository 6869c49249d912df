package nl.spoorwijzer.report;

import java.util.List;

/**
 * The re-integratieverslag as a UWV assessor reads it: every text already in Dutch (labels from the forms, dates
 * dd-mm-jjjj, Ja/Nee, names instead of ids), in the order of Regeling procesgang art. 6. The template only places it.
 */
record ReadableReport(
        String caseId,
        String title,
        String compiledOn,
        List<Row> header,
        List<Section> administrative,
        Section hoursWorked,
        List<MilestoneRow> milestones,
        String timelineSvg,
        Ending ending,
        boolean complete,
        List<FindingRow> findings,
        List<PartView> parts,
        List<AttachmentView> otherAttachments) {

    record Row(String label, String value) {
    }

    /** A part of art. 6 lid 1 (a–d) or art. 3: its rows, its status and what is still missing. */
    record Section(String title, String status, String statusClass, List<Row> rows, String note) {
    }

    record MilestoneRow(String label, String date, String state, String stateClass) {
    }

    record Ending(String title, List<Row> rows, String explanation) {
    }

    record FindingRow(String title, String status, String statusClass, String dueDate, String explanation) {
    }

    record PartView(String title, String status, String statusClass, String meta, List<DocumentView> documents,
                    List<AttachmentView> attachments) {
    }

    record DocumentView(String subject, String meta, List<Row> values) {
    }

    /** A file uploaded with the case, sent to UWV with the verslag as a bijlage. */
    record AttachmentView(String fileName, String meta, String description) {
    }
}
