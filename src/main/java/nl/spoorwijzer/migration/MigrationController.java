package nl.spoorwijzer.migration;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The procesbeheerder's migration of running cases (issue 28): versions with their running-case counts, the plan
 * tried on every case, and the batch that moves the selected cases.
 */
@RestController
class MigrationController {

    private final MigrationAccess access;
    private final ProcessVersions versions;
    private final MigrationPlans plans;
    private final MigrationDryRun dryRun;
    private final MigrationStart start;

    MigrationController(MigrationAccess access, ProcessVersions versions, MigrationPlans plans, MigrationDryRun dryRun,
                        MigrationStart start) {
        this.access = access;
        this.versions = versions;
        this.plans = plans;
        this.dryRun = dryRun;
        this.start = start;
    }

    @GetMapping("/api/process-versions")
    @Operation(summary = "Every deployed version of poortwachter and spoor-2-traject with the number of instances"
            + " running on it (counts only); procesbeheerder and administrator")
    List<ProcessVersion> versions() {
        access.requireProcessOwner();
        return versions.list();
    }

    @PostMapping("/api/migrations/plan")
    @Operation(summary = "Build the migration plan (equal ids, extra mappings, timers updated) and try it on every"
            + " running case of the source version without keeping anything: per case id whether it can move and"
            + " why not")
    MigrationPreview plan(@RequestBody(required = false) MigrationRequest request) {
        access.requireProcessOwner();
        return dryRun.preview(plans.build(request));
    }

    @PostMapping("/api/migrations")
    @Operation(summary = "Move the selected cases (caseIds, confirm=true) to the target version as a Camunda batch;"
            + " each case's legal dates are applied again and its dossier records the migration")
    MigrationStart.Started migrate(@RequestBody(required = false) MigrationRequest request) {
        String user = access.requireProcessOwner();
        return start.start(request, user);
    }
}
