package nl.spoorwijzer.modelling;

import org.springframework.web.bind.annotation.DeleteMapping;
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
}
