package nl.spoorwijzer.risks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The terms the loonsanctie risk table ({@code processes/loonsanctie-risico.dmn}) compares a case's facts with, bound
 * from {@code spoorwijzer.risks.*} and handed to the table as inputs (the table may also be changed itself). The
 * defaults follow the Werkwijzer Poortwachter where it names a term, practice where it leaves one open.
 *
 * @param spoor2DaysAfterEje       spoor 2 starts within 6 weeks of the eerstejaarsevaluatie (Werkwijzer §4.2)
 * @param evaluationIntervalDays   the plan van aanpak is evaluated at least every 6 weeks (Regeling procesgang art. 5)
 * @param adviceFollowUpDays       days the werkgever gets to record what he did with an advice of the bedrijfsarts
 * @param spoor1RecheckDays        days after a change of capacity by which the spoor 1 options are assessed again
 * @param adResearchDays           days a doubtful return to own work may wait for the arbeidsdeskundig onderzoek
 * @param jobApplicationWeeks      weeks of a spoor 2 plan without a recorded job application
 * @param nightlyCron              when the nightly sweep over every open case runs
 * @param chunkSize                open cases read and written per transaction by the sweep
 * @param lockMinutes              how long one node holds the sweep before another may take it over
 * @param evaluationTimeoutMillis  the most one evaluation of the table for one case may take; a case whose
 *                                 evaluation takes longer fails and keeps its earlier risks
 * @param pageBudgetSeconds        the most the sweep spends evaluating one page of cases; the cases left when it is
 *                                 spent keep their earlier risks until the next run (or their next change)
 * @param rejudgeQueue             cases waiting to be judged again after a dossier change; beyond it a change is
 *                                 left to the nightly sweep
 */
@ConfigurationProperties(prefix = "spoorwijzer.risks")
public record RiskSettings(
        @DefaultValue("42") int spoor2DaysAfterEje,
        @DefaultValue("42") int evaluationIntervalDays,
        @DefaultValue("14") int adviceFollowUpDays,
        @DefaultValue("14") int spoor1RecheckDays,
        @DefaultValue("56") int adResearchDays,
        @DefaultValue("4") int jobApplicationWeeks,
        @DefaultValue("0 15 2 * * *") String nightlyCron,
        @DefaultValue("500") int chunkSize,
        @DefaultValue("60") int lockMinutes,
        @DefaultValue("2000") int evaluationTimeoutMillis,
        @DefaultValue("10000") int rejudgeQueue,
        @DefaultValue("300") int pageBudgetSeconds) {

    public RiskSettings {
        if (spoor2DaysAfterEje < 0 || evaluationIntervalDays < 0 || adviceFollowUpDays < 0 || spoor1RecheckDays < 0
                || adResearchDays < 0 || jobApplicationWeeks < 0 || chunkSize < 1 || lockMinutes < 1
                || evaluationTimeoutMillis < 1 || rejudgeQueue < 1 || pageBudgetSeconds < 1) {
            throw new IllegalArgumentException("spoorwijzer.risks.*: terms must not be negative, chunk size, lock"
                    + " minutes, evaluation timeout, re-judge queue and page budget at least 1");
        }
    }
}
