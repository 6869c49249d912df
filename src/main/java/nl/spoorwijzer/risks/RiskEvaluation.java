package nl.spoorwijzer.risks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Judges open cases by the loonsanctie risk table and keeps {@code case_risk} in step: all open cases page by page
 * (each page its own transaction: four reads, the table in memory per case, one batch of writes), or one case after
 * its dossier changed.
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
    }

    /** Judges every open case and removes the risks of cases no longer open; returns how many cases were judged. */
    public int evaluateAllOpenCases() {
        LoonsanctieRiskTable.Table rules = table.current();
        RivGapCheck rivRules = reports.gapCheck();
        int judged = 0;
        String after = null;
        while (true) {
            String from = after;
            List<OpenCase> page = newTransaction.execute(status -> {
                List<OpenCase> cases = reader.openCases(from, settings.chunkSize());
                if (!cases.isEmpty()) {
                    judge(cases, rules, rivRules);
                }
                return cases;
            });
            if (page == null || page.isEmpty()) {
                break;
            }
            judged += page.size();
            after = page.get(page.size() - 1).caseId();
        }
        newTransaction.executeWithoutResult(status -> store.removeClosedCases());
        return judged;
    }

    /** Judges one case again (in its own transaction); a case that is no longer open loses its risks. */
    public void evaluateCase(String caseId) {
        newTransaction.executeWithoutResult(status -> {
            store.lockCases(List.of(caseId));
            List<OpenCase> open = reader.openCase(caseId);
            if (open.isEmpty()) {
                store.removeCase(caseId);
            } else {
                judge(open, table.current(), reports.gapCheck());
            }
        });
    }

    private void judge(List<OpenCase> cases, LoonsanctieRiskTable.Table rules, RivGapCheck rivRules) {
        store.lockCases(cases.stream().map(OpenCase::caseId).toList());
        Map<String, CaseFindings> findings = new LinkedHashMap<>();
        int failed = 0;
        for (RiskFacts facts : reader.factsOf(cases, rivRules)) {
            try {
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
                    cases.size());
        }
        store.replace(findings, time.today());
    }
}
