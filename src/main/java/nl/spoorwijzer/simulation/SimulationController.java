package nl.spoorwijzer.simulation;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.system.RuleViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * What-if before it is real (issue 28): the procesbeheerder uploads candidate model files, as Camunda Modeler would
 * deploy them, and reads per sample case what they change compared with the current models. Nothing is deployed on
 * the platform's engine and no case is touched.
 */
@RestController
class SimulationController {

    static final int MAX_FILES = 100;
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private final CaseAccess access;
    private final Simulations simulations;
    private final SimulationStore store;

    SimulationController(CaseAccess access, Simulations simulations, SimulationStore store) {
        this.access = access;
        this.simulations = simulations;
        this.store = store;
    }

    record Started(String id, String status) {
    }

    record Answer(String id, String status, String startedAt, String finishedAt, String error, Object result) {
    }

    @PostMapping(path = "/api/simulations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a what-if simulation of candidate models (multipart: one part per .bpmn, .dmn or"
            + " .form file, as a deployment); checked by the deployment rules first; procesbeheerder and administrator")
    Started start(MultipartHttpServletRequest request) {
        String user = requireProcessOwner();
        String id = simulations.start(files(request), user);
        return new Started(id, SimulationStore.Status.BEZIG.name());
    }

    @GetMapping("/api/simulations/{id}")
    @Operation(summary = "A simulation's state and, once done, per sample case the tasks, due dates and dossier of the"
            + " current and the candidate models and their differences; only for whoever started it and the"
            + " administrator")
    Answer get(@PathVariable String id) {
        String user = requireProcessOwner();
        SimulationStore.Run run = store.find(id).orElseThrow(() -> RuleViolationException.notFound("id",
                "geen simulatie met dit id (een simulatie wordt na 7 dagen verwijderd)"));
        if (!run.startedBy().equals(user) && !access.callerIsAdmin()) {
            throw RuleViolationException.notAllowed("id", "alleen wie de simulatie startte en de beheerder zien haar");
        }
        return new Answer(run.id(), run.status().name(), String.valueOf(run.startedAt()),
                run.finishedAt() == null ? null : run.finishedAt().toString(), run.error(),
                simulations.json(run.result()));
    }

    private String requireProcessOwner() {
        if (!access.callerIsAdmin() && !access.callerActsAs(Role.PROCESBEHEERDER)) {
            throw RuleViolationException.notAllowed("caller", "is alleen voor de procesbeheerder: zij probeert een"
                    + " modelwijziging eerst uit");
        }
        return access.callerId();
    }

    /** The model files by name: the part's file name (as Camunda Modeler sends it) or else the part's name. */
    private static Map<String, byte[]> files(MultipartHttpServletRequest request) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (MultipartFile part : request.getMultiFileMap().values().stream().flatMap(java.util.List::stream)
                .toList()) {
            String name = part.getOriginalFilename() == null || part.getOriginalFilename().isBlank()
                    ? part.getName() : part.getOriginalFilename();
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(bpmn|dmn|form)")) {
                throw RuleViolationException.invalid(name.length() > 60 ? name.substring(0, 60) + "…" : name,
                        "alleen modelbestanden (.bpmn, .dmn, .form) met een naam van letters, cijfers, punt, - en _");
            }
            if (part.getSize() > MAX_FILE_BYTES) {
                throw RuleViolationException.invalid(name, "een bestand is ten hoogste 1 MB");
            }
            if (files.put(name, bytes(part)) != null) {
                throw RuleViolationException.invalid(name, "staat twee keer in de upload");
            }
            if (files.size() > MAX_FILES) {
                throw RuleViolationException.invalid("files", "ten hoogste " + MAX_FILES + " bestanden");
            }
        }
        if (files.isEmpty()) {
            throw RuleViolationException.invalid("files", "kies ten minste één modelbestand (.bpmn, .dmn of .form)");
        }
        return files;
    }

    private static byte[] bytes(MultipartFile part) {
        try {
            return part.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
