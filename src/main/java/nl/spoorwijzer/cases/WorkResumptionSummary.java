package nl.spoorwijzer.cases;

import java.time.LocalDate;
import java.util.List;
import nl.spoorwijzer.dossier.DossierEntry;

/**
 * The opbouw in own work on the case screen ({@link CaseView#workResumption()}): the period that runs and the hours
 * planned against the hours worked, read from the case's dossier by the feature that records them (ownwork/).
 */
public interface WorkResumptionSummary {

    /** The summary, or null when the case has no opbouwschema. */
    Object of(List<DossierEntry> entries, LocalDate today);
}
