package nl.spoorwijzer.migration;

import jakarta.servlet.http.HttpServletRequest;
import nl.spoorwijzer.system.WebappSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The procesbeheerder's page {@code /procesbeheer}: a static page of our own (src/main/resources/static/procesbeheer)
 * that reads the model versions and runs migrations through {@code /api} with the user's Cockpit/Tasklist login.
 * Without that login the browser goes to the Cockpit login. Who may see and do what is decided by the API.
 */
@Controller
class ProcessOwnerScreenController {

    static final String COCKPIT_LOGIN = "/camunda/app/cockpit/default/";

    private final ProcessEngine engine;

    ProcessOwnerScreenController(ProcessEngine engine) {
        this.engine = engine;
    }

    @GetMapping({"/procesbeheer", "/procesbeheer/"})
    String page(HttpServletRequest request) {
        if (WebappSession.userId(request, engine.getName()) == null) {
            return "redirect:" + COCKPIT_LOGIN;
        }
        return "forward:/procesbeheer/procesbeheer.html";
    }
}
