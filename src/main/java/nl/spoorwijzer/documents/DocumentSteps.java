package nl.spoorwijzer.documents;

import java.util.Map;

/**
 * The steps a document may belong to, with their Dutch names, in the order the re-integratieverslag lists them. The
 * RIV's parts are the steps (report/ implements this), so a document's step decides the part it is attached to.
 */
public interface DocumentSteps {

    /** Step key (e.g. {@code PROBLEEMANALYSE}) to its name, in the RIV's order. */
    Map<String, String> all();
}
