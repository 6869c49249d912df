package nl.spoorwijzer.process;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * Camunda's history, minus the copies of what people entered (AVG art. 5 lid 1 c and e: data minimisation and
 * storage limitation). A form's values are recorded where they are needed — the dossier, which is the record — so the
 * history keeps no further copies of them: no variable detail (every change of every variable, {@code ACT_HI_DETAIL})
 * and no historic variable instance ({@code ACT_HI_VARINST}) except of the variables the platform itself owns (the
 * case's identity, its computed dates, counters; {@link ProcessVariables#isPlatformOnly}) and the RIV's completeness
 * note. Everything else Camunda records at level {@code full} stays: instances, activities, tasks, incidents,
 * decisions, the user operation log — what Cockpit and the overviews show.
 */
final class PersonalValuesOutOfHistory extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricFormPropertyEventEntity) {
            return;
        }
        if (event instanceof HistoricVariableUpdateEventEntity variable && !kept(variable.getVariableName())) {
            return;
        }
        super.handleEvent(event);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
        return false;
    }

    static boolean kept(String variableName) {
        // The names on a task (whose case it is) are a label for Tasklist, recorded in the case itself already.
        return ProcessVariables.isPlatformOnly(variableName) && !ProcessVariables.isTaskLabel(variableName)
                || ProcessVariables.RIV_VOLLEDIGHEID.equals(variableName);
    }
}
