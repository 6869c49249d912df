package nl.spoorwijzer.modelling;

import java.util.List;
import javax.script.Bindings;
import javax.script.ScriptEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptBindingsFactory;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptingEngines;

/**
 * The engine's script engines: none. Every script — script task, script condition, script listener or I/O mapping,
 * a DMN expression in a script language — fails when it would run, whatever reached the engine. (Deployments with
 * scripts are refused before that, by {@link DeploymentRules}.) FEEL and JUEL are not scripts and keep working.
 */
final class ScriptsDisabled extends ScriptingEngines {

    ScriptsDisabled() {
        super(new ScriptBindingsFactory(List.of()), null);
    }

    @Override
    public ScriptEngine getScriptEngineForLanguage(String language) {
        throw new ProcessEngineException("Scripts are disabled on this platform (script language '" + language + "')");
    }

    @Override
    public Bindings createBindings(ScriptEngine scriptEngine, VariableScope variableScope) {
        throw new ProcessEngineException("Scripts are disabled on this platform");
    }
}
