package nl.spoorwijzer.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stores dossier entries in Spoorwijzer's own table. Only appends and reads: there is deliberately no update or
 * delete. Uses the same DataSource and transaction as the process engine, so an entry written during a task
 * completion is committed or rolled back together with it. Every append is published as a
 * {@link DossierEntryAppended} event, in that transaction, for the read models that follow the dossier.
 */
@Repository
public class DossierRepository {

    private static final TypeReference<Map<String, Object>> CONTENT_TYPE = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final ApplicationEventPublisher events;

    public DossierRepository(JdbcTemplate jdbc, ObjectMapper objectMapper, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.events = events;
    }

    public void append(DossierEntry entry) {
        jdbc.update("""
                INSERT INTO dossier_entry (case_id, process_instance_id, tenant_id, entry_type, subject, element_id,
                    recorded_by, role, recorded_at, due_date, deadline_met, content, model_key, model_version,
                    model_version_tag)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                entry.caseId(), entry.processInstanceId(), entry.tenantId(), entry.type().name(), entry.subject(),
                entry.elementId(), entry.recordedBy(), entry.role(), entry.recordedAt(), entry.dueDate(),
                entry.deadlineMet(), toJson(entry.content()), modelKey(entry), modelVersion(entry),
                modelVersionTag(entry));
        events.publishEvent(new DossierEntryAppended(entry));
    }

    /** Appends the entry and answers it as stored, with its id. */
    public DossierEntry appendReturning(DossierEntry entry) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO dossier_entry (case_id, process_instance_id, tenant_id, entry_type, subject, element_id,
                        recorded_by, role, recorded_at, due_date, deadline_met, content, model_key, model_version,
                        model_version_tag)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            Object[] values = {entry.caseId(), entry.processInstanceId(), entry.tenantId(), entry.type().name(),
                    entry.subject(), entry.elementId(), entry.recordedBy(), entry.role(), entry.recordedAt(),
                    entry.dueDate(), entry.deadlineMet(), toJson(entry.content()), modelKey(entry),
                    modelVersion(entry), modelVersionTag(entry)};
            for (int i = 0; i < values.length; i++) {
                StatementCreatorUtils.setParameterValue(insert, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
            }
            return insert;
        }, keys);
        DossierEntry stored = new DossierEntry(keys.getKey().longValue(), entry.caseId(), entry.processInstanceId(),
                entry.tenantId(), entry.type(), entry.subject(), entry.elementId(), entry.recordedBy(), entry.role(),
                entry.recordedAt(), entry.dueDate(), entry.deadlineMet(), entry.content(), entry.model());
        events.publishEvent(new DossierEntryAppended(stored));
        return stored;
    }

    /** All entries of a case in the order they were recorded. */
    public List<DossierEntry> findByCase(String caseId) {
        return jdbc.query("SELECT * FROM dossier_entry WHERE case_id = ? ORDER BY id", this::map, caseId);
    }

    private DossierEntry map(ResultSet rs, int row) throws SQLException {
        return new DossierEntry(rs.getLong("id"), rs.getString("case_id"), rs.getString("process_instance_id"),
                rs.getString("tenant_id"), DossierEntryType.valueOf(rs.getString("entry_type")),
                rs.getString("subject"), rs.getString("element_id"), rs.getString("recorded_by"),
                rs.getString("role"), rs.getObject("recorded_at", OffsetDateTime.class),
                rs.getObject("due_date", LocalDate.class), (Boolean) rs.getObject("deadline_met"),
                fromJson(rs.getString("content")), rs.getString("model_key") == null ? null
                        : new ModelVersion(rs.getString("model_key"), rs.getInt("model_version"),
                                rs.getString("model_version_tag")));
    }

    private static String modelKey(DossierEntry entry) {
        return entry.model() == null ? null : entry.model().key();
    }

    private static Integer modelVersion(DossierEntry entry) {
        return entry.model() == null ? null : entry.model().version();
    }

    private static String modelVersionTag(DossierEntry entry) {
        return entry.model() == null ? null : entry.model().versionTag();
    }

    private String toJson(Map<String, Object> content) {
        try {
            return objectMapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Dossier content cannot be written as JSON", e);
        }
    }

    private Map<String, Object> fromJson(String json) {
        try {
            return json == null ? Map.of() : objectMapper.readValue(json, CONTENT_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored dossier content is not valid JSON", e);
        }
    }
}
