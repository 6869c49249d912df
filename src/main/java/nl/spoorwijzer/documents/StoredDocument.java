package nl.spoorwijzer.documents;

/** A document with its bytes, for a download or the RIV bundle. */
public record StoredDocument(DocumentInfo info, byte[] content) {
}
