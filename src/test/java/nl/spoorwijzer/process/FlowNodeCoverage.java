package nl.spoorwijzer.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * Flow-node coverage of one process model by a set of process instances, computed from the engine's history: the
 * share of the model's flow nodes (tasks, events, gateways, subprocesses) that at least one instance reached. It is
 * the gate of the process tests; camunda-process-test-coverage writes the browsable report next to it.
 */
final class FlowNodeCoverage {

    private FlowNodeCoverage() {
    }

    static double measure(ProcessEngine engine, String processKey, Collection<String> processInstanceIds,
                          Path summary) {
        var definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult();
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
        Process process = model.getModelElementById(processKey);
        Set<String> flowNodes = model.getModelElementsByType(FlowNode.class).stream()
                .filter(node -> isInside(node, process))
                .map(FlowNode::getId)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> reached = new TreeSet<>();
        for (String id : processInstanceIds) {
            engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id).list().stream()
                    .map(HistoricActivityInstance::getActivityId)
                    .filter(flowNodes::contains)
                    .forEach(reached::add);
        }
        double coverage = (double) reached.size() / flowNodes.size();
        Set<String> missed = new TreeSet<>(flowNodes);
        missed.removeAll(reached);
        write(summary, String.format("%s: %d of %d flow nodes reached (%.1f %%)%nnot reached: %s%n", processKey,
                reached.size(), flowNodes.size(), coverage * 100, missed));
        return coverage;
    }

    private static boolean isInside(FlowNode node, Process process) {
        var parent = node.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return parent == process;
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
