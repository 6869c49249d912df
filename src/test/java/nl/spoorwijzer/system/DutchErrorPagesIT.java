package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import nl.spoorwijzer.support.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * People see Dutch: a browser gets a plain Dutch error page (no Whitelabel page, no internals), Tasklist's and
 * Cockpit's engine API answers refusals in Dutch, and {@code /engine-rest} and {@code /api} do so when the client
 * asks for Dutch first; without Accept-Language they keep English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DutchErrorPagesIT {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;

    @Test
    void aBrowserOpeningAPageThatDoesNotExistGetsADutchPage() {
        HttpResponse<String> page = http().send(http().request("/bestaat-niet")
                .header("Accept", BROWSER_ACCEPT).header("Accept-Language", "en-US,en;q=0.9").GET().build());

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<html lang=\"nl\">", "<h1>Niet gevonden</h1>", "Naar de startpagina")
                .doesNotContain("Whitelabel", "Not Found", "exception", "org.");
    }

    @Test
    void aBrowserRefusedByTheWebappsGetsADutch403Page() {
        // Camunda's CSRF filter refuses a login without its token with a bare 403 (sendError).
        HttpResponse<String> page = http().send(http().request("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Accept", BROWSER_ACCEPT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=hanna&password=hanna")).build());

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("<h1>Geen toegang</h1>", "geen toegang tot deze pagina")
                .doesNotContain("Whitelabel", "Forbidden", "CSRF");
    }

    @Test
    void engineRestAnswersInDutchWhenAskedAndInEnglishOtherwise() throws Exception {
        String start = "/engine-rest/process-definition/key/poortwachter/start";
        String body = "{\"businessKey\": \"ZV-GEKOZEN\", \"variables\": {}}";

        JsonNode dutch = json.readTree(http().send(http().request(start).header("Content-Type", "application/json")
                .header("Authorization", HttpTestClient.basic("anna", "anna")).header("Accept-Language", "nl-NL,nl")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).body());
        JsonNode english = json.readTree(http().post(start, body, "anna", "anna").body());

        assertThat(dutch.path("status").asInt()).isEqualTo(400);
        assertThat(dutch.path("title").asText()).isEqualTo("Ongeldige invoer");
        assertThat(dutch.path("detail").asText()).isEqualTo("Het veld businessKey wordt door het platform"
                + " toegekend (het zaaknummer); start zonder.");
        assertThat(dutch.path("message").asText()).isEqualTo(dutch.path("detail").asText());
        assertThat(dutch.path("field").asText()).isEqualTo("businessKey");
        assertThat(dutch.path("type").asText()).isEqualTo(english.path("type").asText());
        assertThat(english.path("title").asText()).isEqualTo("Invalid input");
    }

    @Test
    void tasklistsEngineApiAnswersInDutch() throws Exception {
        Session anna = Session.logIn(port, "anna");

        HttpResponse<String> missing = anna.get("/camunda/api/engine/engine/default/task/bestaat-niet/form-variables");
        JsonNode problem = json.readTree(missing.body());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(problem.path("title").asText()).isEqualTo("Niet gevonden");
        assertThat(problem.path("message").asText()).isEqualTo("Dit bestaat niet, of u mag het niet zien.");
    }

    private HttpTestClient http() {
        return new HttpTestClient(port);
    }

    /** A webapp session as Tasklist has it: the session cookie and the CSRF token Camunda's filter asks for. */
    private record Session(HttpClient client, String base, String csrf) {

        static Session logIn(int port, String user) throws Exception {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            String base = "http://localhost:" + port;
            client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String csrf = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst()
                    .orElseThrow();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(
                            base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            return new Session(client, base, csrf);
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-XSRF-TOKEN", csrf)
                    .header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
