package nl.spoorwijzer.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import nl.spoorwijzer.support.TestIdentityProvider;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in to Tasklist through the organisation's identity provider in a real (headless) Chromium, against a real
 * OpenID Connect provider started in this JVM (mock-oauth2-server's interactive login page stands in for Keycloak's,
 * with the claims the realm gives): the werkgever of acme-bouw lands in Tasklist and sees acme's task, not
 * zorggroep-noord's; signing out ends both sessions, so Tasklist asks to sign in at the provider again. A sign-in the
 * provider refuses ends on the platform's Dutch page, whose link leads to the provider's sign-in again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        TestIdentityProvider.OIDC_PROFILE_START, TestIdentityProvider.OIDC_PROFILE_ISSUER})
@ActiveProfiles({"demo", "oidc"})
class ProviderSignInBrowserIT {

    private static final List<String> CASES = List.of("ZV-OIDC-ACME", "ZV-OIDC-ZORGGROEP");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    private TasklistBrowser browser;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        TestIdentityProvider.configureWebLogin(registry);
    }

    @AfterEach
    void closeBrowserAndCases() {
        if (browser != null) {
            browser.close();
        }
        CASES.forEach(caseId -> engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId).list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test")));
    }

    @Test
    void theWerkgeverSignsInAtTheProviderSeesHerEmployersTaskAndSignsOutOfBoth() {
        Task acme = werkgeverTask("ZV-OIDC-ACME", "tim", "acme-bouw");
        Task zorggroep = werkgeverTask("ZV-OIDC-ZORGGROEP", "noor", "zorggroep-noord");

        browser = TasklistBrowser.signInAtProvider(port, "anna", TestIdentityProvider.claimsJson("anna",
                Map.of("groups", List.of("werkgever"), "organisation", "acme-bouw")));
        browser.openFilter("Taken van mijn groep");
        browser.screenshot("oidc-1-tasklist-after-sign-in");

        assertThat(browser.listedTasks()).extracting(TasklistBrowser.ListedTask::taskId)
                .contains(acme.getId()).doesNotContain(zorggroep.getId());

        browser.signOut();
        String loginPage = browser.waitForProvidersLoginPage();
        browser.screenshot("oidc-2-after-sign-out");
        assertThat(loginPage).startsWith(TestIdentityProvider.issuer() + "/authorize");
    }

    @Test
    void aSignInTheProviderRefusesEndsOnTheDutchPageWithAWayToTryAgain() {
        browser = TasklistBrowser.atProvidersLoginPage(port, "/zaken");
        String state = URLDecoder.decode(browser.driver().getCurrentUrl().replaceAll(".*[?&]state=([^&]*).*", "$1"),
                StandardCharsets.UTF_8);

        // The provider sends the browser back with a refusal (as Keycloak does when the second factor is cancelled).
        browser.driver().get("http://localhost:" + port + "/login/oauth2/code/spoorwijzer?error=access_denied"
                + "&error_description=user+cancelled+OTP&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
        browser.screenshot("oidc-3-sign-in-refused");

        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Inloggen geweigerd");
        assertThat(browser.driver().findElement(By.tagName("main")).getText())
                .contains("Inloggen is geweigerd", "beheerder").doesNotContain("access_denied", "OTP");
        browser.driver().findElement(By.linkText("Opnieuw inloggen")).click();
        assertThat(browser.waitForProvidersLoginPage()).startsWith(TestIdentityProvider.issuer() + "/authorize");
    }

    /** A case of the employer, played to its first task for the werkgever group. */
    private Task werkgeverTask(String caseId, String employee, String employer) {
        String today = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
        engine.getRuntimeService().startProcessInstanceByKey("poortwachter", caseId, Map.of("werknemerId", employee,
                "werkgeverId", employer, "eersteZiektedag", today));
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskCandidateGroup(Role.WERKGEVER.groupId()).list().stream().findFirst().orElseThrow();
        return task;
    }
}
