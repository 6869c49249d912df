package nl.spoorwijzer.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import nl.spoorwijzer.SpoorwijzerApplication;
import nl.spoorwijzer.casefile.CaseFileRepository;
import nl.spoorwijzer.cases.CaseIntake;
import nl.spoorwijzer.dossier.DossierRepository;
import nl.spoorwijzer.recovery.CaseRecovery;
import nl.spoorwijzer.system.RuleViolationException;
import nl.spoorwijzer.uwv.UwvDecisions;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The entry point of the simulation's own JVM, started by {@link SimulationLauncher}: the platform without a web
 * server, on an in-memory database, with the job executor off — a throw-away engine whose clock may move. Reads
 * the models from the work directory ({@code current/1/…}, {@code current/2/…} in deployment order and
 * {@code candidate/…}) and writes {@code result.json}; exits 0 with a result, 2 when the candidate is refused (the
 * violations in the result), 1 on any other failure.
 */
public final class SimulationMain {

    static final String RESULT = "result.json";

    private SimulationMain() {
    }

    public static void main(String[] args) throws IOException {
        Path work = Path.of(args[0]);
        ObjectMapper json = new ObjectMapper();
        int exit = 1;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SpoorwijzerApplication.class)
                .web(WebApplicationType.NONE).profiles("simulation").run(arguments())) {
            WhatIfRun run = new WhatIfRun(context.getBean(ProcessEngine.class), context.getBean(CaseIntake.class),
                    context.getBean(CaseFileRepository.class), context.getBean(CaseRecovery.class),
                    context.getBean(UwvDecisions.class), context.getBean(DossierRepository.class), SampleCase.ALL);
            SimulationResult result;
            try {
                result = run.run(current(work.resolve("current")),
                        new WhatIfRun.Models("kandidaat", files(work.resolve("candidate"))));
                exit = 0;
            } catch (RuleViolationException refused) {
                result = new SimulationResult(WhatIfRun.FIRST_SICK_DAY.toString(), List.of(), refused.violations());
                exit = 2;
            }
            json.writeValue(work.resolve(RESULT).toFile(), result);
        } catch (RuntimeException failure) {
            failure.printStackTrace();
        }
        System.exit(exit);
    }

    /** As command-line arguments: above application.yaml and the environment. */
    static String[] arguments() {
        return properties().entrySet().stream().map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
    }

    static Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        // Only this profile, whatever the platform runs with (SPRING_PROFILES_ACTIVE=postgres,oidc is inherited with
        // the environment): an in-memory H2 of its own, and no sign-in at all — nobody logs in to an engine without
        // a web server, so the production rule on local passwords (system/DefaultPasswordGuard) does not apply.
        properties.put("spring.profiles.active", "simulation");
        properties.put("spoorwijzer.security.local-passwords-allowed", "true");
        properties.put("spring.datasource.url", "jdbc:h2:mem:simulatie;DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH");
        properties.put("camunda.bpm.job-execution.enabled", "false");
        // No web server: neither Camunda's REST API nor its web applications.
        properties.put("spring.autoconfigure.exclude",
                "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                        + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration");
        // A password nobody knows: this engine has no web server and ends with the simulation.
        properties.put("camunda.bpm.admin-user.password", UUID.randomUUID().toString());
        properties.put("spoorwijzer.mail.enabled", "false");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        return properties;
    }

    private static List<WhatIfRun.Models> current(Path dir) throws IOException {
        List<WhatIfRun.Models> models = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return models;
        }
        try (Stream<Path> deployments = Files.list(dir)) {
            for (Path deployment : deployments.sorted((a, b) -> Integer.compare(number(a), number(b))).toList()) {
                models.add(new WhatIfRun.Models("huidig " + deployment.getFileName(), files(deployment)));
            }
        }
        return models;
    }

    private static int number(Path path) {
        return Integer.parseInt(path.getFileName().toString());
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path path : paths.sorted().toList()) {
                files.put(path.getFileName().toString(), Files.readAllBytes(path));
            }
        }
        return files;
    }
}
