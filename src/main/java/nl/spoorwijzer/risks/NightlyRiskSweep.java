package nl.spoorwijzer.risks;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import nl.spoorwijzer.system.ScheduledRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night the risks of every open case are judged again: a risk often comes from time passing (no evaluation
 * in 6 weeks), not from a change. One node of a cluster runs it: it takes a lease in {@code scheduled_run} first
 * ({@link ScheduledRuns}); a node that dies mid-run frees it when the lease ends
 * ({@code spoorwijzer.risks.lock-minutes}). Running it twice is harmless (each page replaces the rows of its cases).
 */
@Component
public class NightlyRiskSweep {

    static final String NAME = "case-risk-sweep";
    private static final Logger LOG = LoggerFactory.getLogger(NightlyRiskSweep.class);

    private final RiskEvaluation evaluation;
    private final ScheduledRuns runs;
    private final RiskSettings settings;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    NightlyRiskSweep(RiskEvaluation evaluation, ScheduledRuns runs, RiskSettings settings, Clock clock) {
        this.evaluation = evaluation;
        this.runs = runs;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs the sweep when no other node holds it; returns the cases judged, or -1 when another node runs it. */
    @Scheduled(cron = "${spoorwijzer.risks.nightly-cron:0 15 2 * * *}", zone = "${spoorwijzer.zone:Europe/Amsterdam}")
    public int run() {
        OffsetDateTime start = OffsetDateTime.now(clock);
        if (!runs.takeLease(NAME, node, start, start.plusMinutes(settings.lockMinutes()))) {
            LOG.info("Loonsanctie risks: another node runs the sweep");
            return -1;
        }
        long began = System.nanoTime();
        int cases;
        try {
            cases = evaluation.evaluateAllOpenCases();
        } catch (RuntimeException failed) {
            // the run is not recorded as done: the overview keeps showing when risks were last judged in full
            runs.freeLease(NAME, node);
            LOG.error("Loonsanctie risks: the sweep failed, risks stay as last judged: {}", failed.toString());
            throw failed;
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        runs.releaseLease(NAME, node, OffsetDateTime.now(clock), cases, millis);
        LOG.info("Loonsanctie risks: {} open cases judged in {} ms", cases, millis);
        return cases;
    }

    /** When the sweep last judged every open case, if ever. */
    public Optional<OffsetDateTime> lastJudged() {
        return runs.lastFinished(NAME);
    }
}
