package nl.spoorwijzer.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.spoorwijzer.process.TimelineChange.RecoveryGapAdded;
import nl.spoorwijzer.process.TimelineChange.SanctionImposed;
import nl.spoorwijzer.process.TimelineChange.SanctionShortened;
import nl.spoorwijzer.process.TimelineChange.VvlGranted;
import nl.spoorwijzer.timeline.PoortwachterCalendar;
import nl.spoorwijzer.timeline.TimelineSettings;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;

/** What each timeline change records and how far it moves dates counted from "today"; no engine needed. */
class TimelineChangeTest {

    @Test
    void aRelapseMovesEveryDateByTheHealthyDays() {
        RecoveryGapAdded gap = new RecoveryGapAdded(LocalDate.parse("2026-01-21"), LocalDate.parse("2026-01-31"));

        assertThat(gap.shiftDays()).isEqualTo(10);
        assertThat(gap.why()).isEqualTo("terugval na 10 hersteldagen");
        assertThat(gap.facts()).containsExactly(
                entry("herstelDatum", "2026-01-21"), entry("terugvalDatum", "2026-01-31"), entry("hersteldagen", 10L));
    }

    @Test
    void uwvDecisionsMoveOnlyTheDatesTheCalendarComputes() {
        LocalDate decided = LocalDate.parse("2026-03-02");
        SanctionImposed sanction = new SanctionImposed(decided, 12, List.of("Spoor 2 is te laat ingezet"));
        SanctionShortened shortened = new SanctionShortened(decided);
        VvlGranted vvl = new VvlGranted(decided, 13);

        assertThat(List.of(sanction.shiftDays(), shortened.shiftDays(), vvl.shiftDays())).containsOnly(0L);
        assertThat(sanction.why()).isEqualTo("loonsanctie van 12 weken");
        assertThat(sanction.facts()).containsExactly(entry("type", "LOONSANCTIE"), entry("besluitdatum", "2026-03-02"),
                entry("weken", 12), entry("tekortkomingen", List.of("Spoor 2 is te laat ingezet")));
        assertThat(shortened.why()).isEqualTo("bekorting van de loonsanctie");
        assertThat(shortened.facts()).containsExactly(entry("type", "BEKORTING"), entry("besluitdatum", "2026-03-02"),
                entry("loonsanctieEinde", "2026-04-13"));
        assertThat(vvl.why()).isEqualTo("vrijwillige verlenging loondoorbetaling van 13 weken");
        assertThat(vvl.facts()).containsExactly(entry("type", "VVL"), entry("besluitdatum", "2026-03-02"),
                entry("weken", 13));
    }

    /** A periodic date that {@link CaseRescheduling} would not move cannot be planned: the series declare them. */
    @Test
    void everyDatePlannedPeriodicallyIsOneTheReschedulingMoves() {
        Clock clock = Clock.fixed(java.time.Instant.parse("2026-01-29T10:00:00Z"), ZoneId.of("Europe/Amsterdam"));
        PeriodicDeadlines deadlines = new PeriodicDeadlines(new PoortwachterCalendar(TimelineSettings.defaults()),
                new ProcessSettings(14, 6, 7, 7), new LegalTime(clock));
        for (PeriodicDeadlines.Series series : PeriodicDeadlines.Series.values()) {
            List<Object> written = new ArrayList<>();
            deadlines.planNext(variablesWrittenTo(written), series);
            assertThat(written).containsExactlyInAnyOrderElementsOf(series.variables());
            assertThat(PeriodicDeadlines.plannedVariables()).containsAll(series.variables());
        }
        assertThat(PeriodicDeadlines.plannedVariables()).containsExactlyInAnyOrder(ProcessVariables.NEXT_EVALUATION_DUE,
                ProcessVariables.NEXT_EVALUATION_START, ProcessVariables.NEXT_REPORT_DUE, ProcessVariables.NEXT_REPORT_START);
    }

    /** A variable scope that only notes the names written to it. */
    private static VariableScope variablesWrittenTo(List<Object> names) {
        return (VariableScope) java.lang.reflect.Proxy.newProxyInstance(VariableScope.class.getClassLoader(),
                new Class<?>[] {VariableScope.class}, (proxy, method, args) -> {
                    if (method.getName().equals("setVariable")) {
                        names.add(args[0]);
                    }
                    return null;
                });
    }

    private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
        return java.util.Map.entry(key, value);
    }
}
