package nl.spoorwijzer.overview;

import jakarta.servlet.http.HttpServletRequest;
import nl.spoorwijzer.system.WebappSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The overview screen {@code /overzicht}: a static page of our own (src/main/resources/static/overzicht) that reads the
 * overview figures from {@code /api} with the user's Tasklist login, as the case screen does. Without that login the
 * browser goes to the Tasklist login. Who sees which figures is decided by the API, not by the page.
 */
@Controller
class OverviewScreenController {

    static final String TASKLIST_LOGIN = "/camunda/app/tasklist/default/";

    private final ProcessEngine engine;

    OverviewScreenController(ProcessEngine engine) {
        this.engine = engine;
    }

    @GetMapping({"/overzicht", "/overzicht/"})
    String overview(HttpServletRequest request) {
        if (WebappSession.userId(request, engine.getName()) == null) {
            return "redirect:" + TASKLIST_LOGIN;
        }
        return "forward:/overzicht/overzicht.html";
    }
}
