package nl.spoorwijzer.ownwork;

import io.swagger.v3.oas.annotations.Operation;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.system.ConflictRetry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Re-integration in own work: the opbouwschema, the hours worked and the changes that ask for a spoor 1 re-check. A
 * case one may not see is answered as not found; reads are for the parties who read the case's contents (not
 * management).
 */
@RestController
class WorkResumptionController {

    private final WorkResumptionSchedules schedules;
    private final WorkResumptionHours hours;
    private final Spoor1Changes changes;
    private final WorkResumptionViews views;
    private final DossierRepository dossier;
    private final CaseAccess access;
    private final ConflictRetry retry;
    private final LegalTime time;

    WorkResumptionController(WorkResumptionSchedules schedules, WorkResumptionHours hours, Spoor1Changes changes,
                             WorkResumptionViews views, DossierRepository dossier, CaseAccess access,
                             ConflictRetry retry, LegalTime time) {
        this.schedules = schedules;
        this.hours = hours;
        this.changes = changes;
        this.views = views;
        this.dossier = dossier;
        this.access = access;
        this.retry = retry;
        this.time = time;
    }

    @PutMapping("/api/cases/{caseId}/work-resumption-schedule")
    @Operation(summary = "Set or change, as werkgever, the opbouwschema agreed on the bedrijfsarts's advice"
            + " (bedrijfsartsAdviceOn): periods {from, to, hoursPerWeek, tasks} that follow each other without gaps"
            + " or overlaps, from the first sick day on, 0 to the contract hours (60 when unknown). Each version is a"
            + " dossier decision (the earlier one stays); while it runs the plan is evaluated every two weeks. 400"
            + " names field[index] and rule; 409 when the case is not running")
    WorkResumptionViews.ScheduleView setSchedule(@PathVariable String caseId,
                                                 @RequestBody(required = false) ScheduleRequest request) {
        retry.inTransaction(() -> schedules.set(access.requireVisible(caseId), request));
        return schedule(caseId);
    }

    @GetMapping("/api/cases/{caseId}/work-resumption-schedule")
    @Operation(summary = "The opbouwschema in force (version 0 without periods when there is none), the period that"
            + " runs today and the earlier versions; for everyone who may read the case (not management)")
    WorkResumptionViews.ScheduleView schedule(@PathVariable String caseId) {
        access.requireContents(caseId);
        return views.schedule(dossier.findByCase(caseId), time.today());
    }

    @PostMapping("/api/cases/{caseId}/work-resumption-hours")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the hours worked in a week of the opbouwschema (week: ISO week 2025-W14 or a day of"
            + " it; workedHours 0 to the contract hours), by the werkgever or the employee himself; a week recorded"
            + " again is a correction. 409 without an opbouwschema")
    DossierEntry recordHours(@PathVariable String caseId,
                             @RequestBody(required = false) WorkResumptionHours.HoursRequest request) {
        return retry.inTransaction(() -> hours.record(access.requireVisible(caseId), request));
    }

    @GetMapping("/api/cases/{caseId}/work-resumption-hours")
    @Operation(summary = "The weeks of the opbouwschema with hours planned and worked (the latest recording of each"
            + " week) and the totals; for everyone who may read the case (not management)")
    WorkResumptionViews.HoursView hours(@PathVariable String caseId) {
        access.requireContents(caseId);
        return views.hours(dossier.findByCase(caseId));
    }

    @PostMapping("/api/cases/{caseId}/spoor1-changes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a change that asks for the spoor 1 options to be assessed again: kind BELASTBAARHEID"
            + " (werkgever or bedrijfsarts), ORGANISATIE or VACATURE (werkgever), description (no medical details),"
            + " date. The werkgever gets the task 'Mogelijkheden spoor 1 opnieuw beoordelen' (due in 14 days); a"
            + " changed belastbaarheid during spoor 2 also gives the re-integratiebureau a task")
    DossierEntry reportChange(@PathVariable String caseId,
                              @RequestBody(required = false) Spoor1Changes.ChangeRequest request) {
        return retry.inTransaction(() -> changes.report(access.requireVisible(caseId), request));
    }
}
