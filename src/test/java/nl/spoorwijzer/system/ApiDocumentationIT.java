package nl.spoorwijzer.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import nl.spoorwijzer.support.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document that Swagger UI shows: titled and versioned with the build, and with the API's login declared,
 * so that Swagger UI offers an Authorize button and a try-out sends the credentials.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocumentationIT {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired BuildProperties build;

    @Test
    void theApiDocumentHasItsNameItsVersionAndItsLogin() throws Exception {
        HttpResponse<String> response = new HttpTestClient(port).get("/v3/api-docs", "anna", "anna");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode document = json.readTree(response.body());

        assertThat(document.path("info").path("title").asText()).isEqualTo("Spoorwijzer API");
        assertThat(document.path("info").path("version").asText()).as("the build's version, not springdoc's v0")
                .isEqualTo(build.getVersion()).isNotEqualTo("v0");
        assertThat(document.path("components").path("securitySchemes").path("basic").path("scheme").asText())
                .isEqualTo("basic");
        assertThat(document.path("security").get(0).has("basic")).as("every operation asks for the login").isTrue();
        assertThat(document.path("paths").has("/api/cases/{caseId}/agreed-deviations")).isTrue();
    }
}
