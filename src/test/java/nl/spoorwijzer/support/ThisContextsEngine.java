package nl.spoorwijzer.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Makes the test's own process engine the one Camunda's webapps and REST API find. They look the engine up by name in
 * Camunda's static registry ({@link ProcessEngines}), where the test JVM's most recently built engine of that name
 * wins — with several cached Spring contexts, often another test class's engine. That was harmless while every
 * context's engine was configured alike; with the {@code oidc} profile the engine refuses people's local passwords
 * (system/LocalPasswordPolicy), so a later test with local sign-in would log in against an {@code oidc} engine.
 * Production runs one context and one engine.
 */
public class ThisContextsEngine implements TestExecutionListener, Ordered {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
                .ifAvailable(ProcessEngines::registerProcessEngine);
    }

    @Override
    public int getOrder() {
        // Right after the context is loaded and dependencies are injected (2000), before any test method runs.
        return 2100;
    }
}
