package nl.spoorwijzer.dossier;

/**
 * Published (as a Spring event, in the writer's transaction) whenever an entry is appended to a case's dossier, so
 * that read models judged from the dossier — such as the case's loonsanctie risks — follow it.
 */
public record DossierAppended(String caseId, DossierEntryType type) {
}
