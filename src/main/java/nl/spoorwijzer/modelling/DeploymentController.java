package nl.spoorwijzer.modelling;

import java.net.URI;
import nl.spoorwijzer.system.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code DELETE /api/deployments/{id}}: the one way to delete a deployment together with its cases
 * ({@code ?cascade=true&confirm={id}&reason=…}, administrator only, audited). Without cascade it is the engine's
 * ordinary delete, under the same {@link DeletionPolicy} as /engine-rest.
 */
@RestController
@RequestMapping("/api/deployments")
class DeploymentController {

    private final DeploymentRemoval removal;

    DeploymentController(DeploymentRemoval removal) {
        this.removal = removal;
    }

    @DeleteMapping("/{deploymentId}")
    DeploymentRemoval.Removal delete(@PathVariable String deploymentId,
                                     @RequestParam(defaultValue = "false") boolean cascade,
                                     @RequestParam(required = false) String confirm,
                                     @RequestParam(required = false) String reason) {
        return removal.remove(deploymentId, cascade, confirm, reason);
    }

    // Until the platform-wide mapping of RuleViolationException lands in system/, render it here.
    @ExceptionHandler(RuleViolationException.class)
    ProblemDetail refused(RuleViolationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
        problem.setType(URI.create("urn:spoorwijzer:problem:" + (e.status() == 400 ? "invalid-input" : "refused")));
        problem.setProperty("field", e.field());
        problem.setProperty("rule", e.rule());
        return problem;
    }
}
