package nl.spoorwijzer.casedetails;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The case details (table {@code case_details}) and each employer's shared part ({@code employer_profile}), as JSON
 * documents, in the engine's DataSource and transaction.
 */
@Repository
class CaseDetailsRepository {

    /** A stored document with who last changed it and when. */
    record Stored<T>(T details, String updatedBy, OffsetDateTime updatedAt) {
    }

    /** What the employer's cases share: its own data and its arbodienst. */
    record EmployerProfile(CaseDetails.Employer employer, CaseDetails.OccupationalHealth occupationalHealth) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    CaseDetailsRepository(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    Optional<Stored<CaseDetails>> find(String caseId) {
        return jdbc.query("SELECT details, updated_by, updated_at FROM case_details WHERE case_id = ?",
                (rs, row) -> new Stored<>(read(rs.getString("details"), CaseDetails.class), rs.getString("updated_by"),
                        rs.getObject("updated_at", OffsetDateTime.class)), caseId).stream().findFirst();
    }

    Optional<EmployerProfile> employerProfile(String employerId) {
        return jdbc.query("SELECT details FROM employer_profile WHERE employer_id = ?",
                (rs, row) -> read(rs.getString("details"), EmployerProfile.class), employerId).stream().findFirst();
    }

    /**
     * Locks the case's row of the read model until the transaction ends, so two changes of its details run one
     * after the other (the second sees the first) on H2 and PostgreSQL alike.
     */
    void lockCase(String caseId) {
        List<String> locked = jdbc.queryForList("SELECT case_id FROM case_file WHERE case_id = ? FOR UPDATE",
                String.class, caseId);
        if (locked.isEmpty()) {
            throw new IllegalStateException("case " + caseId + " has no read model row");
        }
    }

    void save(String caseId, String employerId, CaseDetails details, String by, OffsetDateTime at) {
        String json = write(details);
        if (jdbc.update("UPDATE case_details SET details = ?, updated_by = ?, updated_at = ? WHERE case_id = ?",
                json, by, at, caseId) == 0) {
            jdbc.update("INSERT INTO case_details (case_id, employer_id, details, updated_by, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?)", caseId, employerId, json, by, at);
        }
    }

    void saveEmployerProfile(String employerId, EmployerProfile profile, String by, OffsetDateTime at) {
        String json = write(profile);
        if (jdbc.update("UPDATE employer_profile SET details = ?, updated_by = ?, updated_at = ? WHERE employer_id = ?",
                json, by, at, employerId) == 0) {
            try {
                jdbc.update("INSERT INTO employer_profile (employer_id, details, updated_by, updated_at)"
                        + " VALUES (?, ?, ?, ?)", employerId, json, by, at);
            } catch (DuplicateKeyException e) {
                // Another case of the employer created it at the same moment: retried, the update then applies.
                throw new OptimisticLockingFailureException("employer profile of " + employerId
                        + " was created at the same moment", e);
            }
        }
    }

    private String write(Object document) {
        try {
            return objectMapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("case details cannot be written as JSON", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored case details are not valid JSON", e);
        }
    }
}
