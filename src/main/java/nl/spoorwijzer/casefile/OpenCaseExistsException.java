package nl.spoorwijzer.casefile;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The employee already has an open case. A {@link BadUserRequestException}, so Tasklist shows its Dutch message when
 * a case is started there; the case API answers it with 409.
 */
public class OpenCaseExistsException extends BadUserRequestException {

    public OpenCaseExistsException(String employeeId, String openCaseId) {
        super("Werknemer: " + employeeId + " heeft al een lopende zaak (" + openCaseId
                + "). Meld een terugval of herstel binnen die zaak.");
    }
}
