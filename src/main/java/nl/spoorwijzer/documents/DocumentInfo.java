package nl.spoorwijzer.documents;

import java.time.OffsetDateTime;

/**
 * A document stored with a case, without its bytes: what the list, the dossier and the RIV show.
 *
 * @param contentType    the type recognised from the content on upload (never the client's claim)
 * @param step           the RIV part it belongs to ({@link DocumentSteps}), or null
 * @param stepName       the part's Dutch name, or null
 * @param uploadedBy     the user who uploaded it
 * @param uploadedByRole the role in which: werkgever, werknemer, bedrijfsarts, arbeidsdeskundige,
 *                       re-integratiebureau, or admin
 * @param sha256         the SHA-256 of the bytes (hex), to check a copy sent on
 */
public record DocumentInfo(String documentId, String caseId, String fileName, String contentType, long size,
                           String sha256, String step, String stepName, String description, String uploadedBy,
                           String uploadedByRole, OffsetDateTime uploadedAt) {
}
