package nl.spoorwijzer.dossier;

/**
 * The process model a dossier entry's step ran on: the process definition's key, its version number (Camunda counts
 * deployments) and the version tag the process owner gave it.
 */
public record ModelVersion(String key, int version, String versionTag) {

    /** As people read it: "poortwachter 1.5.0 (versie 5)". */
    public String label() {
        return key + (versionTag == null || versionTag.isBlank() ? "" : " " + versionTag) + " (versie " + version + ")";
    }
}
