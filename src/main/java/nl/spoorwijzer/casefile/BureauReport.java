package nl.spoorwijzer.casefile;

import static nl.spoorwijzer.process.ProcessKeys.Tasks.EINDRAPPORTAGE_BIJ_EINDE_WACHTTIJD;
import static nl.spoorwijzer.process.ProcessKeys.Tasks.VOORTGANGSRAPPORTAGE_OPSTELLEN;

import java.util.Arrays;
import java.util.Optional;
import nl.spoorwijzer.identity.Role;

/**
 * The re-integratiebureau's steps with a due date in the spoor 2 trajectory (processes/spoor-2-traject.bpmn): its
 * progress report at least every evaluation interval ({@code ${nextReportDue}}) and its end report by the end of the
 * waiting period ({@code ${eindeWachttijd}}). Each report is a row of the deadline read model beside the legal
 * milestones, so the overview counts the bureau's late reports as the issue asks.
 */
public enum BureauReport {
    VOORTGANGSRAPPORTAGE_BUREAU("voortgangsrapportage-bureau", "Voortgangsrapportage re-integratiebureau",
            VOORTGANGSRAPPORTAGE_OPSTELLEN),
    EINDRAPPORTAGE_BUREAU("eindrapportage-bureau", "Eindrapportage re-integratiebureau",
            EINDRAPPORTAGE_BIJ_EINDE_WACHTTIJD);

    /** Who writes the reports: the bureau of the trajectory. */
    public static final Role ROLE = Role.RE_INTEGRATIEBUREAU;

    private final String key;
    private final String label;
    private final String task;

    BureauReport(String key, String label, String task) {
        this.key = key;
        this.label = label;
        this.task = task;
    }

    /** The step key stored in {@code case_deadline.milestone} (kebab case, like timeline/MilestoneKey's). */
    public String key() {
        return key;
    }

    /** The Dutch name shown to users. */
    public String label() {
        return label;
    }

    /** The user task of the trajectory that delivers the report. */
    public String task() {
        return task;
    }

    public static Optional<BureauReport> ofTask(String taskKey) {
        return Arrays.stream(values()).filter(report -> report.task.equals(taskKey)).findFirst();
    }

    public static Optional<BureauReport> ofKey(String key) {
        return Arrays.stream(values()).filter(report -> report.key.equals(key)).findFirst();
    }
}
