package nl.spoorwijzer.cases;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import nl.spoorwijzer.casefile.CaseAccess;
import nl.spoorwijzer.identity.DisplayNames;
import nl.spoorwijzer.identity.Role;
import nl.spoorwijzer.system.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The case screen: {@code /zaken} (the cases the user may see) and {@code /zaken/{caseId}} (one case), static pages
 * of our own (src/main/resources/static/zaken) that read and change the case through {@code /api} with the user's
 * Tasklist login. Without that login the pages send the browser to the Tasklist login.
 */
@Controller
class CaseScreenController {

    static final String TASKLIST_LOGIN = "/camunda/app/tasklist/default/";
    private static final List<String> WEBAPPS = List.of("tasklist", "cockpit", "admin");

    private final ProcessEngine engine;
    private final CaseAccess access;

    CaseScreenController(ProcessEngine engine, CaseAccess access) {
        this.engine = engine;
        this.access = access;
    }

    @GetMapping({"/zaken", "/zaken/"})
    String cases(HttpServletRequest request) {
        return page(request, "zaken.html");
    }

    @GetMapping("/zaken/{caseId:[A-Za-z0-9_-]+}")
    String oneCase(@PathVariable String caseId, HttpServletRequest request) {
        return page(request, "zaak.html");
    }

    /** Who is logged in, and the session's CSRF token the case screen sends with its changes (X-XSRF-TOKEN). */
    @GetMapping("/api/me")
    @ResponseBody
    @Operation(summary = "The caller: user id, name, groups, role names; with the webapps' login also the session's CSRF token,"
            + " to be sent as X-XSRF-TOKEN with every change made with that session")
    Me me(HttpServletRequest request) {
        IdentityService identity = engine.getIdentityService();
        Authentication caller = identity.getCurrentAuthentication();
        User user = access.asDirectory(() -> identity.createUserQuery().userId(caller.getUserId()).singleResult());
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        List<String> roles = groups.stream().map(Role::ofGroup).flatMap(Optional::stream).map(Role::label).toList();
        String name = user == null ? caller.getUserId() : DisplayNames.of(user);
        boolean session = caller.getUserId().equals(WebappSession.userId(request, engine.getName()))
                && request.getHeader("Authorization") == null;
        List<String> tenants = caller.getTenantIds() == null ? List.of() : caller.getTenantIds();
        List<Employer> employers = tenants.isEmpty() ? List.of() : access.asDirectory(() -> identity.createTenantQuery()
                .tenantIdIn(tenants.toArray(String[]::new)).orderByTenantName().asc().list()).stream()
                .map(tenant -> new Employer(tenant.getId(), tenant.getName())).toList();
        return new Me(caller.getUserId(), name, groups, roles, employers,
                session ? WebappSession.csrfToken(request) : null, applications(caller, groups));
    }

    /** The Camunda webapps the caller may open (the page header links to them): tasklist, cockpit, admin. */
    private List<String> applications(Authentication caller, List<String> groups) {
        return WEBAPPS.stream().filter(app -> access.callerIsAdmin() || engine.getAuthorizationService()
                .isUserAuthorized(caller.getUserId(), groups, Permissions.ACCESS, Resources.APPLICATION, app)).toList();
    }

    /**
     * Who the caller is, the employers he works for (a sick report names one), the session's CSRF token and the
     * webapps he may open.
     */
    record Me(String userId, String name, List<String> groups, List<String> roles, List<Employer> employers,
              String csrfToken, List<String> applications) {
    }

    record Employer(String id, String name) {
    }

    private String page(HttpServletRequest request, String page) {
        if (WebappSession.userId(request, engine.getName()) == null) {
            return "redirect:" + TASKLIST_LOGIN;
        }
        return "forward:/zaken/assets/" + page;
    }
}
