package nl.spoorwijzer.risks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.report.ReintegrationReports;
import nl.spoorwijzer.report.RivGapCheck;
import nl.spoorwijzer.risks.CaseRiskStore.CaseFindings;
import nl.spoorwijzer.risks.RiskFactsReader.OpenCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Judges open cases by the loonsanctie risk table and keeps {@code case_risk} in step: all open cases page by page,
 * or one case after its dossier changed. Each page in three steps, so no case row is held while the table runs: read
 * the page's facts (a read-only transaction, four queries), evaluate the table in memory per case (no transaction;
 * {@code spoorwijzer.risks.page-budget-seconds} at most), then lock the page's rows and write in one short
 * transaction — only the cases whose dossier did not change since their facts were read (a change re-judges its case
 * after it committed, with the newer facts, which so always win).
 */
@Service
public class RiskEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(RiskEvaluation.class);

    private final RiskFactsReader reader;
    private final LoonsanctieRiskTable table;
    private final CaseRiskStore store;
    private final ReintegrationReports reports;
    private final RiskSettings settings;
    private final LegalTime time;
    private final TransactionTemplate newTransaction;
    private final TransactionTemplate readOnly;
    /** Called before each case is evaluated, on the evaluating thread; for tests that hold an evaluation. */
    private volatile Consumer<String> beforeEvaluation = caseId -> { };

    RiskEvaluation(RiskFactsReader reader, LoonsanctieRiskTable table, CaseRiskStore store,
                   ReintegrationReports reports, RiskSettings settings, LegalTime time,
                   PlatformTransactionManager transactions) {
        this.reader = reader;
        this.table = table;
        this.store = store;
        this.reports = reports;
        this.settings = settings;
        this.time = time;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readOnly.setReadOnly(true);
    }

    /** Judges every open case and removes the risks of cases no longer open; returns how many cases were judged. */
    public int evaluateAllOpenCases() {
        LoonsanctieRiskTable.Table rules = table.current();
        RivGapCheck rivRules = reports.gapCheck();
        int judged = 0;
        String after = null;
        while (true) {
            String from = after;
            Page page = readOnly.execute(status -> read(reader.openCases(from, settings.chunkSize()), rivRules));
            if (page == null || page.cases().isEmpty()) {
                break;
            }
            write(page, evaluate(page, rules));
            judged += page.cases().size();
            after = page.cases().get(page.cases().size() - 1).caseId();
        }
        newTransaction.executeWithoutResult(status -> store.removeClosedCases());
        return judged;
    }

    /** Judges one case again; a case that is no longer open loses its risks. */
    public void evaluateCase(String caseId) {
        Page page = readOnly.execute(status -> read(reader.openCase(caseId), reports.gapCheck()));
        if (page == null || page.cases().isEmpty()) {
            newTransaction.executeWithoutResult(status -> {
                store.lockCases(List.of(caseId));
                if (reader.openCase(caseId).isEmpty()) {
                    store.removeCase(caseId);
                }
            });
            return;
        }
        write(page, evaluate(page, table.current()));
    }

    /** For tests: runs before each case's evaluation, outside every transaction. */
    void beforeEachEvaluation(Consumer<String> hook) {
        beforeEvaluation = hook == null ? caseId -> { } : hook;
    }

    private Page read(List<OpenCase> cases, RivGapCheck rivRules) {
        if (cases.isEmpty()) {
            return new Page(cases, Map.of(), List.of());
        }
        // the stamps first: facts read after them are at least as new
        Map<String, String> stamps = store.stamps(cases.stream().map(OpenCase::caseId).toList());
        return new Page(cases, stamps, reader.factsOf(cases, rivRules));
    }

    private Map<String, CaseFindings> evaluate(Page page, LoonsanctieRiskTable.Table rules) {
        Map<String, CaseFindings> findings = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(settings.pageBudgetSeconds()).toNanos();
        int failed = 0;
        int leftOver = 0;
        for (RiskFacts facts : page.facts()) {
            if (System.nanoTime() > deadline) {
                leftOver++;
                continue;
            }
            try {
                beforeEvaluation.accept(facts.caseId());
                findings.put(facts.caseId(), new CaseFindings(facts.employerId(),
                        rules.evaluate(facts.variables(settings))));
            } catch (RuntimeException brokenRuleOrFacts) {
                // One case (or a rule a process owner changed) must not stop the others: this case keeps the risks
                // it had until the table or its facts are fixed.
                failed++;
                LOG.warn("Loonsanctie risks of case {} not judged: {}", facts.caseId(), brokenRuleOrFacts.toString());
            }
        }
        if (failed > 0) {
            LOG.warn("{} of {} cases kept their earlier risks: the decision table failed for them", failed,
                    page.cases().size());
        }
        if (leftOver > 0) {
            LOG.error("{} of {} cases kept their earlier risks: the page's budget of {} s was spent", leftOver,
                    page.cases().size(), settings.pageBudgetSeconds());
        }
        return findings;
    }

    private void write(Page page, Map<String, CaseFindings> findings) {
        if (findings.isEmpty()) {
            return;
        }
        newTransaction.executeWithoutResult(status -> {
            store.lockCases(findings.keySet());
            Map<String, String> now = store.stamps(findings.keySet());
            Map<String, CaseFindings> unchanged = new LinkedHashMap<>();
            findings.forEach((caseId, found) -> {
                if (page.stamps().get(caseId) != null && page.stamps().get(caseId).equals(now.get(caseId))) {
                    unchanged.put(caseId, found);
                }
            });
            store.replace(unchanged, time.today());
        });
    }

    /** A page's cases, what their facts were read from, and the facts. */
    private record Page(List<OpenCase> cases, Map<String, String> stamps, List<RiskFacts> facts) {
    }
}
