package nl.spoorwijzer.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The documents of cases in Spoorwijzer's own table, on the engine's DataSource and transaction (like the dossier),
 * so a document and its dossier entry are written together or not at all. Lists never read the bytes.
 */
@Repository
class CaseDocumentRepository {

    private static final String INFO_COLUMNS = "document_id, case_id, process_instance_id, file_name, content_type,"
            + " size_bytes, sha256, step, description, uploaded_by, uploaded_role, uploaded_at";

    /** What a document row is written as: its metadata, the case's instance and tenant, and the bytes. */
    record NewDocument(DocumentInfo info, String processInstanceId, String tenantId, byte[] content) {
    }

    private final JdbcTemplate jdbc;

    CaseDocumentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(NewDocument document) {
        DocumentInfo info = document.info();
        jdbc.update("INSERT INTO case_document (" + INFO_COLUMNS + ", tenant_id, content)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                info.documentId(), info.caseId(), document.processInstanceId(), info.fileName(), info.contentType(),
                info.size(), info.sha256(), info.step(), info.description(), info.uploadedBy(),
                info.uploadedByRole(), info.uploadedAt(), document.tenantId(), document.content());
    }

    /** The case's documents, newest first (in the order they were stored). */
    List<Row> findByCase(String caseId) {
        return jdbc.query("SELECT " + INFO_COLUMNS + " FROM case_document WHERE case_id = ? ORDER BY id DESC",
                CaseDocumentRepository::row, caseId);
    }

    Optional<Row> find(String caseId, String documentId) {
        return jdbc.query("SELECT " + INFO_COLUMNS + " FROM case_document WHERE case_id = ? AND document_id = ?",
                CaseDocumentRepository::row, caseId, documentId).stream().findFirst();
    }

    byte[] content(String documentId) {
        return jdbc.queryForObject("SELECT content FROM case_document WHERE document_id = ?",
                (rs, n) -> rs.getBytes("content"), documentId);
    }

    /** The process instances documents are stored for (to find those whose case is gone). */
    List<String> processInstances() {
        return jdbc.queryForList("SELECT DISTINCT process_instance_id FROM case_document", String.class);
    }

    int deleteForInstances(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return 0;
        }
        return jdbc.update("DELETE FROM case_document WHERE process_instance_id IN ("
                + String.join(",", processInstanceIds.stream().map(id -> "?").toList()) + ")",
                processInstanceIds.toArray());
    }

    /** A stored document's metadata (its step not yet named) and the case's process instance. */
    record Row(DocumentInfo info, String processInstanceId) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(new DocumentInfo(rs.getString("document_id"), rs.getString("case_id"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getString("step"), null, rs.getString("description"),
                rs.getString("uploaded_by"), rs.getString("uploaded_role"),
                rs.getObject("uploaded_at", OffsetDateTime.class)), rs.getString("process_instance_id"));
    }
}
