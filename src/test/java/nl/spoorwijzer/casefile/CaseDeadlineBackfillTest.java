package nl.spoorwijzer.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.nullable;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;

/**
 * The backfill goes through every case without deadline rows once, also when whole pages of them cannot be filled
 * (an unreadable case, or one without legal deadlines yet, stays without rows and would be read again).
 */
class CaseDeadlineBackfillTest {

    /** Cases without rows, as the database answers: in order of id, after a cursor. */
    private final Set<String> withoutRows = new TreeSet<>();
    private final List<String> tried = new ArrayList<>();

    @Test
    void pagesOfCasesThatCannotBeFilledDoNotStopTheRun() {
        // Two pages of three unreadable cases and one without a timeline come before the cases that can be filled.
        withoutRows.addAll(List.of("A1", "A2", "A3", "A4", "A5", "A6", "B1", "C1", "C2", "C3", "C4"));
        Set<String> unreadable = Set.of("A1", "A2", "A3", "A4", "A5", "A6");
        CaseDeadlineBackfill backfill = backfill(unreadable, Set.of("B1"), 3);

        int filled = backfill.fillMissing();

        assertThat(tried).as("every case tried once, in order").containsExactly("A1", "A2", "A3", "A4", "A5", "A6",
                "B1", "C1", "C2", "C3", "C4");
        assertThat(filled).as("the readable ones").isEqualTo(5);
        assertThat(withoutRows).containsExactly("A1", "A2", "A3", "A4", "A5", "A6", "B1");
    }

    @Test
    void nothingToFillEndsAtOnce() {
        assertThat(backfill(Set.of(), Set.of(), 500).fillMissing()).isZero();
        assertThat(tried).isEmpty();
    }

    private CaseDeadlineBackfill backfill(Set<String> unreadable, Set<String> withoutTimeline, int batch) {
        CaseDeadlineRepository rows = mock(CaseDeadlineRepository.class);
        when(rows.casesWithoutDeadlines(nullable(String.class), anyInt())).thenAnswer(call -> {
            String after = call.getArgument(0);
            int limit = call.getArgument(1);
            return withoutRows.stream().filter(id -> after == null || id.compareTo(after) > 0).limit(limit).toList();
        });
        CaseDeadlines deadlines = mock(CaseDeadlines.class);
        doAnswer(call -> {
            String caseId = call.getArgument(0);
            tried.add(caseId);
            if (unreadable.contains(caseId)) {
                throw new IllegalStateException("unreadable " + caseId);
            }
            if (!withoutTimeline.contains(caseId)) {
                withoutRows.remove(caseId);
            }
            return null;
        }).when(deadlines).refresh(anyString());
        ProcessEngineConfigurationImpl configuration = mock(ProcessEngineConfigurationImpl.class);
        CommandExecutor commands = mock(CommandExecutor.class);
        when(commands.execute(any())).thenAnswer(call -> ((Command<?>) call.getArgument(0)).execute(null));
        when(configuration.getCommandExecutorTxRequired()).thenReturn(commands);
        return new CaseDeadlineBackfill(mock(ManagementService.class), configuration, rows, deadlines,
                mock(CaseProgress.class), batch);
    }
}
