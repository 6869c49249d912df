package nl.spoorwijzer.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.modelling.CandidateModels;
import nl.spoorwijzer.system.RuleViolationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Starts a what-if simulation of candidate models (issue 28): checks them with the deployment rules, copies the
 * newest deployed shared models (the current version of each key), and has {@link SimulationLauncher} play the sample
 * cases on both in a JVM of its own, one simulation at a time. Reads no case data: only deployed models go in.
 */
@Service
class Simulations {

    private static final Logger LOG = LoggerFactory.getLogger(Simulations.class);
    static final String FAILED = "De simulatie is mislukt; er is niets gedeployd en geen zaak geraakt. Probeer het"
            + " opnieuw of vraag de beheerder het log te bekijken.";
    static final String TIMED_OUT = "De simulatie duurde te lang en is afgebroken; er is niets gedeployd en geen zaak"
            + " geraakt.";

    private final CandidateModels candidates;
    private final RepositoryService repository;
    private final CaseAccess access;
    private final SimulationStore store;
    private final SimulationLauncher launcher;
    private final Clock clock;
    private final Duration keep;
    private final Semaphore running;
    private final ExecutorService executor = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "simulatie");
        thread.setDaemon(true);
        return thread;
    });
    private final ObjectMapper json = new ObjectMapper();

    Simulations(CandidateModels candidates, RepositoryService repository, CaseAccess access, SimulationStore store,
                SimulationLauncher launcher, Clock clock,
                @Value("${spoorwijzer.simulation.keep:7d}") Duration keep,
                @Value("${spoorwijzer.simulation.at-once:1}") int atOnce) {
        this.candidates = candidates;
        this.repository = repository;
        this.access = access;
        this.store = store;
        this.launcher = launcher;
        this.clock = clock;
        this.keep = keep;
        this.running = new Semaphore(atOnce);
    }

    /** Checks the candidate and starts its simulation; answers its id. */
    String start(Map<String, byte[]> candidate, String user) {
        candidates.requireDeployable(candidate);
        if (!running.tryAcquire()) {
            throw RuleViolationException.conflict("files", "er loopt al een simulatie; probeer het over een paar"
                    + " minuten opnieuw");
        }
        try {
            String id = UUID.randomUUID().toString();
            Path work = prepare(candidate);
            OffsetDateTime now = OffsetDateTime.now(clock);
            store.create(id, user, now, now.plus(keep));
            executor.execute(() -> {
                try {
                    finish(id, work);
                } finally {
                    running.release();
                }
            });
            return id;
        } catch (RuntimeException | IOException e) {
            running.release();
            throw e instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) e);
        }
    }

    private void finish(String id, Path work) {
        try {
            SimulationLauncher.Outcome outcome = launcher.run(work);
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (outcome.exitCode() == null) {
                store.finish(id, SimulationStore.Status.MISLUKT, null, TIMED_OUT, now);
            } else if (outcome.exitCode() == 0 || outcome.exitCode() == 2) {
                store.finish(id, outcome.exitCode() == 0 ? SimulationStore.Status.KLAAR
                        : SimulationStore.Status.GEWEIGERD, Files.readString(outcome.result()), null, now);
            } else {
                store.finish(id, SimulationStore.Status.MISLUKT, null, FAILED, now);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Simulation {} failed", id, e);
            store.finish(id, SimulationStore.Status.MISLUKT, null, FAILED, OffsetDateTime.now(clock));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.finish(id, SimulationStore.Status.MISLUKT, null, FAILED, OffsetDateTime.now(clock));
        } finally {
            delete(work);
        }
    }

    /** The work directory: the current models (one directory per deployment, oldest first) and the candidate. */
    private Path prepare(Map<String, byte[]> candidate) throws IOException {
        Path work = Files.createTempDirectory("spoorwijzer-simulatie-");
        Path candidateDir = Files.createDirectory(work.resolve("candidate"));
        for (Map.Entry<String, byte[]> file : candidate.entrySet()) {
            Files.write(candidateDir.resolve(file.getKey()), file.getValue());
        }
        int number = 1;
        for (Deployment deployment : currentDeployments()) {
            Path dir = Files.createDirectories(work.resolve("current").resolve(Integer.toString(number++)));
            for (String name : access.withoutCaller(() -> repository.getDeploymentResourceNames(deployment.getId()))) {
                // Spring's auto-deployment names a resource by its path (file [/…/processes/poortwachter.bpmn]).
                String file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                        .replace("]", "");
                if (!file.matches("[A-Za-z0-9][A-Za-z0-9._-]*\\.(bpmn|dmn|form)")) {
                    continue;
                }
                try (InputStream in = access.withoutCaller(() -> repository.getResourceAsStream(deployment.getId(),
                        name))) {
                    Files.copy(in, dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            LOG.debug("Simulation: current models of deployment {} ({})", deployment.getId(), deployment.getName());
        }
        return work;
    }

    /** The deployments of the newest shared version of every process and decision, oldest first. */
    private List<Deployment> currentDeployments() {
        return access.withoutCaller(() -> {
            Set<String> ids = new LinkedHashSet<>();
            Stream.concat(repository.createProcessDefinitionQuery().withoutTenantId().latestVersion().list().stream(),
                            repository.createDecisionDefinitionQuery().withoutTenantId().latestVersion().list()
                                    .stream())
                    .map(ResourceDefinition::getDeploymentId).forEach(ids::add);
            List<Deployment> deployments = new ArrayList<>();
            for (String id : ids) {
                deployments.add(repository.createDeploymentQuery().deploymentId(id).singleResult());
            }
            deployments.sort(Comparator.comparing(Deployment::getDeploymentTime));
            return deployments;
        });
    }

    private static void delete(Path work) {
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not remove {}", work, e);
        }
    }

    Object json(String result) {
        try {
            return result == null ? null : json.readTree(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
