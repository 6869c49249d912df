package nl.spoorwijzer.dashboard;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import nl.spoorwijzer.process.EndReason;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Prometheus metrics for monitoring (read at scrape time): open cases, cases past a legal deadline and closed cases
 * per end reason ({@code spoorwijzer_cases_closed{reason="vaststellingsovereenkomst"}}) from the case read model, and
 * the engine's job and incident figures.
 */
@Component
class CaseMetrics implements MeterBinder {

    private final JdbcTemplate jdbc;
    private final ProcessEngine engine;
    private final Clock clock;

    CaseMetrics(JdbcTemplate jdbc, ProcessEngine engine, Clock clock) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("spoorwijzer.cases.open", this, metrics -> metrics.count(
                        "SELECT COUNT(*) FROM case_file WHERE status = 'OPEN'"))
                .description("Open sickness cases").register(registry);
        Gauge.builder("spoorwijzer.deadlines.overdue", this, metrics -> metrics.count(
                        "SELECT COUNT(*) FROM case_file WHERE status = 'OPEN' AND next_deadline < ?",
                        Date.valueOf(LocalDate.now(clock))))
                .description("Open cases whose next legal deadline has passed").register(registry);
        for (EndReason reason : EndReason.values()) {
            Gauge.builder("spoorwijzer.cases.closed", this, metrics -> metrics.count(
                            "SELECT COUNT(*) FROM case_file WHERE status = 'CLOSED' AND closed_reason = ?",
                            reason.key()))
                    .tag("reason", reason.key()).tag("label", reason.label())
                    .description("Closed sickness cases by end reason (process/EndReason)").register(registry);
        }
        FunctionCounter.builder("camunda.jobs.executed", this, metrics -> metrics.engineMetric(Metrics.JOB_SUCCESSFUL))
                .description("Jobs (timers, async steps) executed successfully").register(registry);
        FunctionCounter.builder("camunda.jobs.failed", this, metrics -> metrics.engineMetric(Metrics.JOB_FAILED))
                .description("Job executions that failed").register(registry);
        Gauge.builder("camunda.incidents.open", this,
                        metrics -> metrics.engine.getRuntimeService().createIncidentQuery().count())
                .description("Open incidents (failed jobs out of retries)").register(registry);
    }

    private double count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    /** The engine's metric: what it already wrote to its metrics table plus what it still counts in memory. */
    private double engineMetric(String name) {
        ManagementService management = engine.getManagementService();
        long reported = management.createMetricsQuery().name(name).sum();
        Meter pending = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getMetricsRegistry().getDbMeterByName(name);
        return reported + (pending == null ? 0 : pending.get());
    }
}
