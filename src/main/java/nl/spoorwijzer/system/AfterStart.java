package nl.spoorwijzer.system;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Work that catches up after a start (a week refresh missed while the platform was down, a stale snapshot) runs on
 * the scheduler's thread once the platform is ready, not on the start-up thread: Spring Boot reports the platform
 * ready only after every {@code ApplicationReadyEvent} listener has returned, so such work on a large database would
 * keep a node out of the load balancer for minutes (BENCHMARKS.md §7). A failure is logged; the next scheduled run
 * catches up.
 */
@Component
public class AfterStart {

    private static final Logger LOG = LoggerFactory.getLogger(AfterStart.class);

    private final TaskScheduler scheduler;

    AfterStart(TaskScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Runs {@code work} in the background as soon as possible; {@code what} names it in the log. */
    public void run(String what, Runnable work) {
        scheduler.schedule(() -> {
            long began = System.nanoTime();
            try {
                work.run();
                LOG.info("Na het starten: {} klaar in {} ms", what, (System.nanoTime() - began) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("Na het starten: {} mislukt; de volgende geplande run haalt het in", what, e);
            }
        }, Instant.now());
    }
}
