package nl.spoorwijzer.casefile;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The re-integratiedossier of one case. A caller sees it only when the engine lets them see the case itself
 * (history read permission on its process, the same check Cockpit and Tasklist use); otherwise the case is
 * answered as not found, so its existence does not leak.
 */
@RestController
@RequestMapping("/api/cases/{caseId}/dossier")
class DossierController {

    private final DossierRepository repository;
    private final HistoryService historyService;

    DossierController(DossierRepository repository, HistoryService historyService) {
        this.repository = repository;
        this.historyService = historyService;
    }

    @GetMapping
    @Operation(summary = "All dossier entries of a case, in the order they were recorded")
    List<DossierEntry> dossier(@PathVariable String caseId) {
        boolean visible = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseId).processDefinitionKey("poortwachter").count() > 0;
        if (!visible) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "caseId: no case '" + caseId
                    + "' that you may see");
        }
        return repository.findByCase(caseId);
    }
}
