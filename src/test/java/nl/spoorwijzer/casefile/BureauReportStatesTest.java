package nl.spoorwijzer.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseDeadlineRepository.Row;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.process.LegalTime;
import nl.spoorwijzer.process.ProcessKeys.Tasks;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** Each report of the bureau is one row by its due date: on time, late, missed, or to come (its open task). */
class BureauReportStatesTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate TODAY = LocalDate.of(2030, 6, 1);
    private final LegalTime time = new LegalTime(Clock.fixed(TODAY.atTime(9, 0).atZone(AMSTERDAM).toInstant(),
            AMSTERDAM));
    private final BureauReportStates states = new BureauReportStates(time);

    @Test
    void onTimeLateMissedAndToCome() {
        LocalDate first = LocalDate.of(2030, 2, 1);
        LocalDate second = LocalDate.of(2030, 3, 15);
        LocalDate third = LocalDate.of(2030, 4, 26);
        LocalDate fourth = LocalDate.of(2030, 6, 7);
        List<DossierEntry> entries = List.of(
                entry(DossierEntryType.TASK_COMPLETED, Tasks.VOORTGANGSRAPPORTAGE_OPSTELLEN, first, first, true),
                entry(DossierEntryType.DEADLINE_MISSED, Tasks.VOORTGANGSRAPPORTAGE_OPSTELLEN, second,
                        second.plusDays(1), false),
                entry(DossierEntryType.TASK_COMPLETED, Tasks.VOORTGANGSRAPPORTAGE_OPSTELLEN, second,
                        second.plusDays(4), false),
                entry(DossierEntryType.DEADLINE_MISSED, Tasks.VOORTGANGSRAPPORTAGE_OPSTELLEN, third,
                        third.plusDays(1), false),
                entry(DossierEntryType.TASK_COMPLETED, Tasks.PLAN_VAN_AANPAK_OPSTELLEN, first, first, true));
        Task open = mock(Task.class);
        when(open.getTaskDefinitionKey()).thenReturn(Tasks.EINDRAPPORTAGE_BIJ_EINDE_WACHTTIJD);
        when(open.getDueDate()).thenReturn(time.endOfDay(fourth));
        Task other = mock(Task.class);
        when(other.getTaskDefinitionKey()).thenReturn("passendheidToetsen");
        when(other.getDueDate()).thenReturn(time.endOfDay(fourth));

        List<Row> rows = states.of(entries, List.of(open, other), TODAY);

        String report = BureauReport.VOORTGANGSRAPPORTAGE_BUREAU.key();
        assertThat(rows).containsExactly(
                new Row(report, first, DeadlineState.OP_TIJD, first, null, Role.RE_INTEGRATIEBUREAU),
                new Row(report, second, DeadlineState.TE_LAAT, second.plusDays(4), 4, Role.RE_INTEGRATIEBUREAU),
                new Row(report, third, DeadlineState.GEMIST, null, null, Role.RE_INTEGRATIEBUREAU),
                new Row(BureauReport.EINDRAPPORTAGE_BUREAU.key(), fourth, DeadlineState.KOMEND, null, null,
                        Role.RE_INTEGRATIEBUREAU));
        assertThat(rows).allSatisfy(row -> assertThat(row.party()).isEqualTo(DeadlineParty.BUREAU));
    }

    @Test
    void anOpenReportWhoseDateHasPassedIsMissedAlsoBeforeItsTimerFires() {
        Task open = mock(Task.class);
        when(open.getTaskDefinitionKey()).thenReturn(Tasks.VOORTGANGSRAPPORTAGE_OPSTELLEN);
        when(open.getDueDate()).thenReturn(time.endOfDay(TODAY.minusDays(1)));

        assertThat(states.of(List.of(), List.of(open), TODAY)).extracting(Row::state)
                .containsExactly(DeadlineState.GEMIST);
    }

    @Test
    void theStepsKeepTheirKeysNamesAndOrder() {
        DeadlineStep report = DeadlineStep.fromKey("voortgangsrapportage-bureau");
        assertThat(report.name()).isEqualTo("VOORTGANGSRAPPORTAGE_BUREAU");
        assertThat(report.label()).isEqualTo("Voortgangsrapportage re-integratiebureau");
        assertThat(DeadlineStep.fromKey("plan-van-aanpak").name()).isEqualTo("PLAN_VAN_AANPAK");
        assertThat(DeadlineStep.orderOfName("VOORTGANGSRAPPORTAGE_BUREAU"))
                .isGreaterThan(DeadlineStep.orderOfName("EINDE_WACHTTIJD"));
    }

    private DossierEntry entry(DossierEntryType type, String task, LocalDate due, LocalDate on, boolean met) {
        return new DossierEntry(null, "ZV-1", "pi-1", "acme-bouw", type, "test", task, "frank",
                Role.RE_INTEGRATIEBUREAU.groupId(), on.atTime(10, 0).atZone(AMSTERDAM).toOffsetDateTime(), due, met,
                Map.of());
    }

    @Test
    void theNextProgressReportIsToComeFromItsPlanBeforeItsTaskExists() {
        LocalDate done = LocalDate.of(2030, 5, 20);
        LocalDate planned = done.plusDays(42);
        List<DossierEntry> entries = List.of(
                entry(DossierEntryType.TASK_COMPLETED, Tasks.VOORTGANGSRAPPORTAGE_OPSTELLEN, done, done, true));

        String report = BureauReport.VOORTGANGSRAPPORTAGE_BUREAU.key();
        assertThat(states.of(entries, List.of(), java.util.Optional.of(planned), TODAY)).containsExactly(
                new Row(report, done, DeadlineState.OP_TIJD, done, null, Role.RE_INTEGRATIEBUREAU),
                new Row(report, planned, DeadlineState.KOMEND, null, null, Role.RE_INTEGRATIEBUREAU));

        Task open = mock(Task.class);
        when(open.getTaskDefinitionKey()).thenReturn(Tasks.VOORTGANGSRAPPORTAGE_OPSTELLEN);
        when(open.getDueDate()).thenReturn(time.endOfDay(planned));
        assertThat(states.of(entries, List.of(open), java.util.Optional.of(planned), TODAY))
                .as("its task, once there, is the same report").hasSize(2);
    }
}
