package nl.spoorwijzer.modelling;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import nl.spoorwijzer.support.HttpTestClient;

/** Deploys resources over /engine-rest as Camunda Modeler does (multipart {@code /deployment/create}). */
final class DeploymentUpload {

    private final HttpTestClient http;

    DeploymentUpload(HttpTestClient http) {
        this.http = http;
    }

    HttpResponse<String> deploy(String user, String name, Map<String, byte[]> resources) {
        return deploy(user, name, resources, null);
    }

    HttpResponse<String> deploy(String user, String name, Map<String, byte[]> resources, String tenantId) {
        String boundary = "----spoorwijzer" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name
                + "\r\n");
        if (tenantId != null) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"tenant-id\"\r\n\r\n"
                    + tenantId + "\r\n");
        }
        resources.forEach((file, content) -> {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file + "\"; filename=\""
                    + file + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(content);
            write(body, "\r\n");
        });
        write(body, "--" + boundary + "--\r\n");
        HttpRequest request = http.request("/engine-rest/deployment/create")
                .header("Authorization", HttpTestClient.basic(user, user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return http.send(request);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
