package nl.spoorwijzer.dossier;

/**
 * Published (synchronously, as a Spring application event) after an entry was appended, inside the same transaction:
 * read models that follow the dossier (casefile/CaseDeadlines) update themselves in that transaction, so they commit
 * or roll back with the entry.
 */
public record DossierEntryAppended(DossierEntry entry) {
}
