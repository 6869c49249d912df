package nl.spoorwijzer.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * The spoor 2 trajectory started last in a case ({@link CaseView#spoor2()}), from the case's variables {@code
 * spoor2Aanleiding}, {@code spoor2Uitvoerder} and {@code spoor2IngezetOp} of the running case.
 *
 * @param occasion why it started: VROEG, NA_EJE, HERSTART or DESKUNDIGENOORDEEL
 * @param executor who runs it, {@code bureau} or {@code werkgever}; null while the werkgever still chooses
 * @param since    the day it was started
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Spoor2View(String occasion, String executor, LocalDate since) {
}
