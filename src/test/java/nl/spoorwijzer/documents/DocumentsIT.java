package nl.spoorwijzer.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.spoorwijzer.simulation.SimulatedAnswers;
import nl.spoorwijzer.support.ApiCases;
import nl.spoorwijzer.support.HttpTestClient;
import nl.spoorwijzer.support.HttpTestClient.Part;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Documents with a case over HTTP (on H2 and, in the postgres execution, on PostgreSQL): stored byte for byte, typed
 * by their content, limited in size, under the case's access rule, in the dossier and the access log, listed in the
 * re-integratieverslag and bundled with it as a ZIP, and gone with the case's history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DocumentsIT {

    static final LocalDate FIRST_SICK_DAY = LocalDate.of(2026, 1, 5);

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired DocumentRetention retention;
    @Autowired DocumentSettings settings;
    HttpTestClient http;
    ApiCases cases;
    String caseId;

    @BeforeEach
    void openCase() {
        http = new HttpTestClient(port);
        cases = new ApiCases(http, json, engine);
        caseId = cases.reportAndPlay(FIRST_SICK_DAY, FIRST_SICK_DAY.plusDays(9), SimulatedAnswers::onTime, 0);
    }

    @AfterEach
    void deleteCase() {
        cases.deleteAll("poortwachter");
    }

    @Test
    void anUploadedDocumentComesBackByteForByte() throws IOException {
        byte[] pdf = SampleFiles.pdf("probleemanalyse van tim — ëxtra tekens");

        HttpResponse<String> uploaded = upload("anna", "probleemanalyse.pdf", "text/plain", pdf,
                "PROBLEEMANALYSE", "Getekende probleemanalyse");

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode info = json.readTree(uploaded.body());
        String documentId = info.path("documentId").asText();
        assertThat(uploaded.headers().firstValue("Location")).contains("/api/cases/" + caseId + "/documents/"
                + documentId);
        assertThat(info.path("fileName").asText()).isEqualTo("probleemanalyse.pdf");
        assertThat(info.path("contentType").asText()).as("by content, not the client's text/plain")
                .isEqualTo("application/pdf");
        assertThat(info.path("size").asLong()).isEqualTo(pdf.length);
        assertThat(info.path("step").asText()).isEqualTo("PROBLEEMANALYSE");
        assertThat(info.path("stepName").asText()).isEqualTo("Probleemanalyse en bijstellingen");
        assertThat(info.path("uploadedBy").asText()).isEqualTo("anna");
        assertThat(info.path("uploadedByRole").asText()).isEqualTo("werkgever");
        assertThat(info.path("uploadedAt").asText()).startsWith(FIRST_SICK_DAY.plusDays(9).toString());

        HttpResponse<byte[]> download = http.getBytes(documentPath(documentId), null, "anna", "anna");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment").contains("probleemanalyse.pdf"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        HttpResponse<byte[]> byEmployee = http.getBytes(documentPath(documentId), null, "tim", "tim");
        assertThat(byEmployee.statusCode()).as("the employee reads his own case's documents").isEqualTo(200);
        assertThat(byEmployee.body()).isEqualTo(pdf);

        byte[] png = SampleFiles.png();
        HttpResponse<String> byDoctor = upload("eva", "..\\..\\scan\u202Egnp.exe", "image/png", png, null, null);
        assertThat(byDoctor.statusCode()).as(byDoctor.body()).isEqualTo(415);
        byDoctor = upload("eva", "../scan belastbaarheid", "application/octet-stream", png, "PROBLEEMANALYSE", null);
        assertThat(byDoctor.statusCode()).as(byDoctor.body()).isEqualTo(201);
        assertThat(json.readTree(byDoctor.body()).path("fileName").asText()).isEqualTo("scan belastbaarheid.png");
        assertThat(json.readTree(byDoctor.body()).path("uploadedByRole").asText()).isEqualTo("bedrijfsarts");

        JsonNode list = json.readTree(http.get("/api/cases/" + caseId + "/documents", "anna", "anna").body());
        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("fileName").asText()).as("newest first").isEqualTo("scan belastbaarheid.png");
        assertThat(list.get(1).path("documentId").asText()).isEqualTo(documentId);
        assertThat(list.get(1).path("sha256").asText()).hasSize(64);
    }

    @Test
    void theTypeIsToldByTheContentNotByTheName() throws IOException {
        assertRefused(upload("anna", "rapport.pdf", "application/pdf", SampleFiles.html(), null, null), 415,
                "file", "text/html");
        assertRefused(upload("anna", "logo.svg", "image/svg+xml", SampleFiles.svg(), null, null), 415, "file",
                "image/svg+xml");
        assertRefused(upload("anna", "rapport.pdf", "application/pdf", SampleFiles.exe(), null, null), 415, "file",
                "not accepted");
        assertRefused(upload("anna", "leeg.pdf", "application/pdf", new byte[0], null, null), 400, "file",
                "is empty");
        assertRefused(upload("anna", "rapport.pdf", "application/pdf", SampleFiles.pdf("x"), "DIAGNOSE", null), 400,
                "step", "PROBLEEMANALYSE");
        HttpResponse<String> noFile = http.postMultipart("/api/cases/" + caseId + "/documents",
                List.of(Part.field("step", "PROBLEEMANALYSE")), "anna", "anna");
        assertRefused(noFile, 400, "file", "is required");
        assertThat(documentRows()).as("nothing refused is stored").isZero();
    }

    @Test
    void aDocumentAboveTheLimitIsRefusedWith413() throws IOException {
        long max = settings.maxSize().toBytes();
        byte[] justTooLarge = pdfOfSize(max + 1);
        assertRefused(upload("anna", "groot.pdf", "application/pdf", justTooLarge, null, null), 413, "file",
                "at most 10 MB");

        byte[] farTooLarge = pdfOfSize(max + DocumentSettings.ENVELOPE.toBytes() + 1);
        assertRefused(upload("anna", "groot.pdf", "application/pdf", farTooLarge, null, null), 413, "file",
                "at most 10 MB");

        // Without a declared length (chunked): the servlet container's multipart limit trips while parsing.
        HttpTestClient.Multipart body = new HttpTestClient.Multipart(
                List.of(Part.file("file", "groot.pdf", "application/pdf", farTooLarge)));
        HttpResponse<String> chunked = http.send(http.request("/api/cases/" + caseId + "/documents")
                .header("Authorization", HttpTestClient.basic("anna", "anna"))
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.body)))
                .build());
        assertRefused(chunked, 413, "file", "at most 10 MB");

        assertThat(upload("anna", "precies.pdf", "application/pdf", pdfOfSize(max), null, null).statusCode())
                .as("exactly the limit is accepted").isEqualTo(201);
    }

    @Test
    void onlyThoseWhoSeeTheCaseReadOrAddItsDocuments() throws IOException {
        String documentId = json.readTree(upload("anna", "plan.docx", null, SampleFiles.docx(), "PLAN_VAN_AANPAK",
                null).body()).path("documentId").asText();
        assertThat(upload("tim", "mijn visie.pdf", null, SampleFiles.pdf("visie"), "VISIE_WERKNEMER", null)
                .statusCode()).as("the employee adds to his own case").isEqualTo(201);
        assertThat(upload("demo", "uwv-brief.pdf", null, SampleFiles.pdf("uwv"), null, null).statusCode())
                .as("the administrator").isEqualTo(201);

        // daan: werkgever of another employer; frank: a bureau not on the case; bram: another employee;
        // hanna: process owner (no case data); ivo: management (status only).
        for (String user : List.of("daan", "frank", "bram", "hanna", "gert")) {
            assertThat(upload(user, "x.pdf", null, SampleFiles.pdf(user), null, null).statusCode()).as(user)
                    .isEqualTo(404);
            assertThat(http.get("/api/cases/" + caseId + "/documents", user, user).statusCode()).as(user)
                    .isEqualTo(404);
            assertThat(http.get(documentPath(documentId), user, user).statusCode()).as(user).isEqualTo(404);
        }
        assertThat(upload("ivo", "x.pdf", null, SampleFiles.pdf("ivo"), null, null).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/cases/" + caseId + "/documents", "ivo", "ivo").statusCode()).isEqualTo(403);
        HttpResponse<String> byManagement = http.get(documentPath(documentId), "ivo", "ivo");
        assertThat(byManagement.statusCode()).isEqualTo(403);
        assertThat(byManagement.body()).doesNotContain("word/document.xml");
        assertThat(http.get(documentPath(documentId)).statusCode()).as("without login").isEqualTo(401);
        assertThat(http.get("/api/cases/" + caseId + "/documents/" + java.util.UUID.randomUUID(), "anna", "anna")
                .statusCode()).isEqualTo(404);
        assertThat(documentRows()).isEqualTo(3);
    }

    @Test
    void everyReadOfADocumentIsInTheAccessLog() throws IOException {
        String documentId = json.readTree(upload("anna", "rapport.pdf", null, SampleFiles.pdf("r"), null, null)
                .body()).path("documentId").asText();
        http.get("/api/cases/" + caseId + "/documents", "eva", "eva");
        http.get(documentPath(documentId), "tim", "tim");
        http.getBytes("/api/cases/" + caseId + "/reintegration-report", "application/zip", "anna", "anna");

        List<String> log = new ArrayList<>();
        for (JsonNode record : json.readTree(http.get("/api/cases/" + caseId + "/access-log", "demo", "demo")
                .body())) {
            log.add(record.path("userId").asText() + " " + record.path("action").asText() + " "
                    + record.path("what").asText());
        }
        assertThat(log).contains("tim READ GET /api/cases/" + caseId + "/documents/" + documentId,
                "eva READ GET /api/cases/" + caseId + "/documents",
                "anna CHANGE POST /api/cases/" + caseId + "/documents",
                "anna READ GET /api/cases/" + caseId
                        + "/reintegration-report (zip met het verslag en alle documenten)");
    }

    @Test
    void theDossierRecordsWhoAddedWhichDocumentForWhichStep() throws IOException {
        upload("anna", "plan.docx", null, SampleFiles.docx(), "PLAN_VAN_AANPAK", "Ondertekend plan");

        JsonNode entries = json.readTree(http.get("/api/cases/" + caseId + "/dossier", "anna", "anna").body());
        JsonNode added = null;
        for (JsonNode entry : entries) {
            if (entry.path("type").asText().equals("DOCUMENT_ADDED")) {
                added = entry;
            }
        }
        assertThat(added).as("a DOCUMENT_ADDED entry").isNotNull();
        assertThat(added.path("recordedBy").asText()).isEqualTo("anna");
        assertThat(added.path("role").asText()).isEqualTo("werkgever");
        assertThat(added.path("recordedAt").asText()).startsWith(FIRST_SICK_DAY.plusDays(9).toString());
        assertThat(added.path("content").path("bestandsnaam").asText()).isEqualTo("plan.docx");
        assertThat(added.path("content").path("stap").asText()).isEqualTo("PLAN_VAN_AANPAK");
        assertThat(added.path("content").path("omschrijving").asText()).isEqualTo("Ondertekend plan");
    }

    @Test
    void theRivListsTheDocumentsPerPartAndBundlesThemInAZip() throws IOException {
        byte[] analysis = SampleFiles.pdf("analyse");
        byte[] letter = SampleFiles.jpeg();
        upload("eva", "probleemanalyse.pdf", null, analysis, "PROBLEEMANALYSE", null);
        upload("anna", "../../brief UWV.jpg", null, letter, null, "Brief van UWV");

        String html = http.get("/api/cases/" + caseId + "/reintegration-report", "anna", "anna").body();
        String analysisPart = html.substring(html.indexOf("Probleemanalyse en bijstellingen</h2>"),
                html.indexOf("Plan van aanpak en bijstellingen</h2>"));
        assertThat(analysisPart).contains("Bijlagen bij dit onderdeel", "probleemanalyse.pdf",
                "toegevoegd door Eva de Vries (bedrijfsarts)",
                FIRST_SICK_DAY.plusDays(9).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")));
        assertThat(html.substring(html.indexOf("Overige bijlagen"))).contains("brief UWV.jpg", "(werkgever)",
                "Brief van UWV");

        HttpResponse<byte[]> zip = http.getBytes("/api/cases/" + caseId + "/reintegration-report",
                "application/zip", "anna", "anna");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(zip.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment").contains(caseId + ".zip"));
        Map<String, byte[]> entries = unzip(zip.body());
        assertThat(entries.keySet()).containsExactly("re-integratieverslag-" + caseId + ".pdf",
                "bijlagen/01-probleemanalyse.pdf", "bijlagen/02-brief UWV.jpg");
        assertThat(new String(entries.get("re-integratieverslag-" + caseId + ".pdf"), 0, 5,
                StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(entries.get("bijlagen/01-probleemanalyse.pdf")).isEqualTo(analysis);
        assertThat(entries.get("bijlagen/02-brief UWV.jpg")).isEqualTo(letter);
        assertThat(http.getBytes("/api/cases/" + caseId + "/reintegration-report", "application/zip", "ivo", "ivo")
                .statusCode()).as("management gets no bundle").isEqualTo(403);
    }

    @Test
    void theDocumentsGoWithTheCasesHistory() throws IOException {
        upload("anna", "rapport.pdf", null, SampleFiles.pdf("weg"), null, null);
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("poortwachter").singleResult().getId();

        cases.deleteAll("poortwachter");
        retention.removeDocumentsOfDeletedCases();
        assertThat(documentRows()).as("a deleted running case keeps its history, and so its documents").isOne();

        engine.getHistoryService().deleteHistoricProcessInstance(instance);
        assertThat(retention.removeDocumentsOfDeletedCases()).isOne();
        assertThat(documentRows()).isZero();
    }

    private HttpResponse<String> upload(String user, String fileName, String contentType, byte[] content,
                                        String step, String description) {
        List<Part> parts = new ArrayList<>();
        parts.add(Part.file("file", fileName, contentType == null ? "application/octet-stream" : contentType,
                content));
        if (step != null) {
            parts.add(Part.field("step", step));
        }
        if (description != null) {
            parts.add(Part.field("description", description));
        }
        return http.postMultipart("/api/cases/" + caseId + "/documents", parts, user, user);
    }

    private String documentPath(String documentId) {
        return "/api/cases/" + caseId + "/documents/" + documentId;
    }

    private int documentRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_document WHERE case_id = ?", Integer.class, caseId);
    }

    private void assertRefused(HttpResponse<String> response, int status, String field, String rule)
            throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(problem.path("rule").asText()).as(response.body()).contains(rule);
    }

    private static byte[] pdfOfSize(long size) {
        byte[] start = SampleFiles.pdf("groot");
        byte[] pdf = Arrays.copyOf(start, (int) size);
        Arrays.fill(pdf, start.length, pdf.length, (byte) ' ');
        return pdf;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
