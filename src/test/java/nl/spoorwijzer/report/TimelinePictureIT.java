package nl.spoorwijzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import nl.spoorwijzer.support.TestUsers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code GET /api/cases/{caseId}/timeline.svg}: the picture of a played case with its milestones and their states,
 * under the access rule of {@code GET /api/cases/{caseId}/timeline}; and the picture inside the re-integratieverslag
 * (HTML and PDF).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelinePictureIT {

    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    HttpTestClient http;
    ApiCases cases;
    String caseId;

    @BeforeAll
    void playACase() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
        // Played to day 100, every step 3 days late: the probleemanalyse and the plan van aanpak are late.
        caseId = cases.reportAndPlay(FIRST_SICK_DAY, FIRST_SICK_DAY.plusDays(99), SimulatedAnswers::onTime, 3);
    }

    @AfterAll
    void cleanUp() {
        cases.deleteAll("poortwachter");
    }

    private HttpResponse<String> picture(String user) {
        return http.get("/api/cases/" + caseId + "/timeline.svg", user, user);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** Milestone key to the class of its group in the picture. */
    private static Map<String, String> states(Document svg) {
        Map<String, String> states = new HashMap<>();
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.hasAttribute("data-mijlpaal")) {
                states.put(group.getAttribute("data-mijlpaal"), group.getAttribute("class")
                        + " " + group.getAttribute("data-datum"));
            }
        }
        return states;
    }

    @Test
    void theCasePictureShowsEveryLegalDateWithItsState() throws Exception {
        HttpResponse<String> response = picture("anna");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("image/svg+xml"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        Map<String, String> states = states(parse(response.body()));
        JsonNode timeline = json.readTree(http.get("/api/cases/" + caseId + "/timeline", "anna", "anna").body());
        for (Iterator<Map.Entry<String, JsonNode>> dates = timeline.fields(); dates.hasNext(); ) {
            Map.Entry<String, JsonNode> date = dates.next();
            if (!date.getKey().endsWith("-venster")) {
                assertThat(states.get(date.getKey())).as(date.getKey()).endsWith(" " + date.getValue().asText());
            }
        }
        assertThat(states.get("probleemanalyse")).startsWith("mijlpaal te-laat ");
        assertThat(states.get("plan-van-aanpak")).startsWith("mijlpaal te-laat ");
        assertThat(states.get("eerstejaarsevaluatie")).startsWith("mijlpaal komend ");
        assertThat(states.get("einde-wachttijd")).startsWith("mijlpaal datum ");
        assertThat(response.body()).contains("Tijdlijn wachttijd · zaak " + caseId, "Probleemanalyse",
                "te laat (", "vandaag");
    }

    @Test
    void whoMaySeeTheTimelineMaySeeThePictureAndManagementSeesTheDatesOnly() throws Exception {
        assertThat(picture("tim").statusCode()).as("the employee of the case").isEqualTo(200);
        HttpResponse<String> management = picture("ivo");
        assertThat(http.get("/api/cases/" + caseId + "/timeline", "ivo", "ivo").statusCode()).isEqualTo(200);
        assertThat(management.statusCode()).as("management sees the timeline, so its picture").isEqualTo(200);
        assertThat(states(parse(management.body())).values()).allSatisfy(state ->
                assertThat(state).startsWith("mijlpaal datum "));
    }

    @Test
    void whoMayNotSeeTheCaseGetsNoPicture() {
        // daan: werkgever of another employer; frank: a bureau not engaged in this case; bram: an employee of the
        // same employer, not of this case; nobody: a user without any right.
        TestUsers.ensureUserWithoutRights(engine.getIdentityService(), "nobody");
        for (String user : new String[] {"daan", "frank", "bram", "nobody"}) {
            HttpResponse<String> refused = picture(user);
            int timelineStatus = http.get("/api/cases/" + caseId + "/timeline", user, user).statusCode();
            assertThat(refused.statusCode()).as(user).isIn(403, 404).isEqualTo(timelineStatus);
            assertThat(refused.body()).as(user).doesNotContain("<svg", "mijlpaal", "Tijdlijn");
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(user)
                    .doesNotStartWith("image/svg+xml");
        }
        assertThat(http.get("/api/cases/" + caseId + "/timeline.svg").statusCode()).as("without login")
                .isEqualTo(401);
        assertThat(http.get("/api/cases/ZAAK-BESTAAT-NIET/timeline.svg", "anna", "anna").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theReintegrationReportHoldsThePictureInHtmlAndPdf() throws Exception {
        HttpResponse<String> html = http.send(http.request("/api/cases/" + caseId + "/reintegration-report")
                .header("Authorization", HttpTestClient.basic("anna", "anna")).header("Accept", "text/html").GET()
                .build());
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("<h2>Tijdlijn</h2>", "<svg xmlns=\"http://www.w3.org/2000/svg\"",
                "data-mijlpaal=\"probleemanalyse\"");

        HttpResponse<byte[]> pdf = http.client().send(http.request("/api/cases/" + caseId
                        + "/reintegration-report").header("Authorization", HttpTestClient.basic("anna", "anna"))
                .header("Accept", "application/pdf").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/riv-met-tijdlijn.pdf"), pdf.body());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Re-integratieverslag", "Tijdlijn");
            // Batik draws the picture's texts as shapes; its spoor 1 band, in its own colour, shows it was drawn.
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72);
            ImageIO.write(page, "png", Path.of("target/riv-met-tijdlijn.png").toFile());
            assertThat(pixelsOf(page, 0xd6e6f5)).as("the spoor 1 band on the first page").isGreaterThan(500);
        }
    }

    private static int pixelsOf(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y) & 0xffffff;
                if (Math.abs((pixel >> 16) - (rgb >> 16)) <= 3
                        && Math.abs(((pixel >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 3
                        && Math.abs((pixel & 0xff) - (rgb & 0xff)) <= 3) {
                    count++;
                }
            }
        }
        return count;
    }
}
