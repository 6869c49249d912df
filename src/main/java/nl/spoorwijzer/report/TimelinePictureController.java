package nl.spoorwijzer.report;

import io.swagger.v3.oas.annotations.Operation;
import nl.spoorwijzer.casefile.CaseAccess;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case's 104-week timeline as a picture, for whoever may see the case's timeline ({@code GET
 * /api/cases/{caseId}/timeline}): the same access check, so a case one may not see is answered as not found.
 */
@RestController
class TimelinePictureController {

    static final MediaType SVG = MediaType.valueOf("image/svg+xml;charset=UTF-8");

    private final TimelinePictures pictures;
    private final CaseAccess access;

    TimelinePictureController(TimelinePictures pictures, CaseAccess access) {
        this.pictures = pictures;
        this.access = access;
    }

    @GetMapping("/api/cases/{caseId}/timeline.svg")
    @Operation(summary = "The case's 104-week timeline as an SVG picture: every legal milestone with its date and"
            + " state, recovery gaps, VVL and loonsanctie, spoor 1 and 2, today's line")
    ResponseEntity<String> picture(@PathVariable String caseId) {
        access.requireVisible(caseId);
        return ResponseEntity.ok().contentType(SVG).body(pictures.svgOf(caseId));
    }
}
