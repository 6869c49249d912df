package nl.spoorwijzer.migration;

import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/** A validated Camunda migration plan between two versions of one model. */
record ResolvedPlan(ProcessDefinition source, ProcessDefinition target, MigrationPlan plan) {

    String targetLabel() {
        return versionLabel(target);
    }

    static String versionLabel(ProcessDefinition definition) {
        return "versie " + definition.getVersion() + (definition.getVersionTag() == null ? ""
                : " (versionTag " + definition.getVersionTag() + ")");
    }
}
