package nl.spoorwijzer.casefile;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spoorwijzer.dossier.DossierEntry;
import nl.spoorwijzer.dossier.DossierEntryAppended;
import nl.spoorwijzer.dossier.DossierEntryType;
import nl.spoorwijzer.process.DeclaredTaskProperties;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A step that appends several entries that move a case's deadlines rewrites its rows once, when its command ends. */
class CaseProgressRewritesTest {

    private final CaseFileRepository cases = mock(CaseFileRepository.class);
    private final CaseDeadlines deadlines = mock(CaseDeadlines.class);
    private final CaseProgress progress = new CaseProgress(cases, mock(TaskService.class), mock(OpenCaseTasks.class),
            mock(DeclaredTaskProperties.class), Clock.systemUTC(), deadlines, mock(CaseDeadlineRepository.class));
    private final List<CommandContextListener> listeners = new ArrayList<>();
    private final CommandContext command = mock(CommandContext.class);

    CaseProgressRewritesTest() {
        when(cases.find(anyString())).thenReturn(Optional.empty());
        doAnswer(call -> listeners.add(call.getArgument(0))).when(command).registerCommandContextListener(any());
        Context.setCommandContext(command);
    }

    @AfterEach
    void leaveCommand() {
        Context.removeCommandContext();
    }

    @Test
    void onceForTheCaseWhenTheCommandCloses() {
        // A completion that recomputes the timeline and records a miss: three entries that concern the deadlines.
        progress.dossierChanged(appended("ZV-1", DossierEntryType.TASK_COMPLETED, "planVanAanpakOpstellen"));
        progress.dossierChanged(appended("ZV-1", DossierEntryType.TIMELINE_UPDATED, null));
        progress.dossierChanged(appended("ZV-1", DossierEntryType.DEADLINE_MISSED, "probleemanalyseOpstellen"));
        progress.dossierChanged(appended("ZV-2", DossierEntryType.TIMELINE_COMPUTED, null));
        verify(deadlines, never()).refresh(anyString());

        listeners.forEach(listener -> listener.onCommandContextClose(command));

        verify(deadlines, times(1)).refresh("ZV-1");
        verify(deadlines, times(1)).refresh("ZV-2");
        verify(cases, times(1)).find("ZV-1");
    }

    @Test
    void anEntryAppendedWhileTheCommandCommitsIsRewrittenAtOnce() {
        progress.dossierChanged(appended("ZV-1", DossierEntryType.TIMELINE_COMPUTED, null));
        listeners.forEach(listener -> listener.onCommandContextClose(command));

        progress.dossierChanged(appended("ZV-3", DossierEntryType.DEADLINE_MISSED, "probleemanalyseOpstellen"));

        verify(deadlines, times(1)).refresh("ZV-3");
    }

    @Test
    void nothingWhenTheCommandFails() {
        progress.dossierChanged(appended("ZV-1", DossierEntryType.TIMELINE_COMPUTED, null));

        listeners.forEach(listener -> listener.onCommandFailed(command, new IllegalStateException("rolled back")));

        verify(deadlines, never()).refresh(anyString());
    }

    private static DossierEntryAppended appended(String caseId, DossierEntryType type, String element) {
        return new DossierEntryAppended(new DossierEntry(null, caseId, "pi-" + caseId, null, type, "test", element,
                "test", "werkgever", OffsetDateTime.now(), null, null, Map.of()));
    }
}
