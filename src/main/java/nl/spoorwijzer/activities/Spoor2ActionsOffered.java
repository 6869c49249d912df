package nl.spoorwijzer.activities;

import java.util.ArrayList;
import java.util.List;
import nl.spoorwijzer.casefile.CaseFile;
import nl.spoorwijzer.cases.CaseView;
import nl.spoorwijzer.cases.Spoor2PracticeActions;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The spoor 2 actions the case screen offers, by running the very checks of who may record them that the API runs
 * (the caller's role, the running trajectory, its executor), so the screen offers exactly what the API accepts from
 * him. What the trajectory can take at this moment (say a placement while another is checked) the API still decides.
 */
@Component
class Spoor2ActionsOffered implements Spoor2PracticeActions {

    private final PlacementReports placementReports;
    private final OfferRefusals offerRefusals;
    private final Spoor2Activities activities;
    private final RunningTrajectory trajectories;

    Spoor2ActionsOffered(PlacementReports placementReports, OfferRefusals offerRefusals, Spoor2Activities activities,
                         RunningTrajectory trajectories) {
        this.placementReports = placementReports;
        this.offerRefusals = offerRefusals;
        this.activities = activities;
        this.trajectories = trajectories;
    }

    @Override
    public List<String> offeredOn(CaseFile file) {
        List<String> offered = new ArrayList<>();
        if (!CaseFile.OPEN.equals(file.status())) {
            return offered;
        }
        ProcessInstance trajectory;
        try {
            trajectory = trajectories.require(file, "spoor 2 actions are offered");
        } catch (RuleViolationException noneOrMore) {
            return offered;
        }
        if (allowed(() -> Spoor2Executors.requireExecutorOrEmployee(placementReports.roleOfCaller(file), trajectory,
                trajectories, "reports placements"))) {
            offered.add(CaseView.SPOOR_2_PLACEMENT_REPORT);
        }
        if (allowed(() -> offerRefusals.roleOfCaller(file))) {
            offered.add(CaseView.SPOOR_2_OFFER_REFUSAL);
        }
        if (allowed(() -> Spoor2Executors.requireExecutor(activities.roleOfCaller(file), trajectory, trajectories,
                "records its activities"))) {
            offered.add(CaseView.SPOOR_2_ACTIVITY);
        }
        return offered;
    }

    private static boolean allowed(Runnable check) {
        try {
            check.run();
            return true;
        } catch (RuleViolationException refused) {
            return false;
        }
    }
}
