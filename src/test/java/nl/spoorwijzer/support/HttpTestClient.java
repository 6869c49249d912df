package nl.spoorwijzer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A plain HTTP client for tests against the real server, so status codes and headers are exactly what callers see. */
public final class HttpTestClient {

    /** How a test's user signs in: the Authorization header for a user and password. */
    @FunctionalInterface
    public interface SignIn {
        String authorization(String user, String password);
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String baseUrl;
    private final SignIn signIn;

    /** A client whose users sign in with HTTP Basic. */
    public HttpTestClient(int port) {
        this(port, HttpTestClient::basic);
    }

    /** A client whose users sign in another way (a bearer token of the identity provider). */
    public HttpTestClient(int port, SignIn signIn) {
        this.baseUrl = "http://localhost:" + port;
        this.signIn = signIn;
    }

    /** The Authorization header this client sends for the user. */
    public String authorization(String user, String password) {
        return signIn.authorization(user, password);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> get(String path, String user, String password) {
        return send(request(path).header("Authorization", authorization(user, password)).GET().build());
    }

    public HttpResponse<String> post(String path, String json, String user, String password) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            builder.header("Authorization", authorization(user, password));
        }
        return send(builder.build());
    }

    /** One part of a multipart/form-data body: a field (fileName null) or a file with its declared content type. */
    public record Part(String name, String fileName, String contentType, byte[] content) {

        public static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }

        public static Part file(String name, String fileName, String contentType, byte[] content) {
            return new Part(name, fileName, contentType, content);
        }
    }

    /** A multipart/form-data body as a browser's form upload sends it. */
    public static final class Multipart {

        public final String boundary = "----spoorwijzer" + UUID.randomUUID();
        public final byte[] body;

        public Multipart(List<Part> parts) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (Part part : parts) {
                StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                        .append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
                if (part.fileName() != null) {
                    head.append("; filename=\"").append(part.fileName()).append('"');
                }
                head.append("\r\n");
                if (part.contentType() != null) {
                    head.append("Content-Type: ").append(part.contentType()).append("\r\n");
                }
                head.append("\r\n");
                out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
                out.writeBytes(part.content());
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            body = out.toByteArray();
        }

        public String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }
    }

    public HttpResponse<String> postMultipart(String path, List<Part> parts, String user, String password) {
        Multipart multipart = new Multipart(parts);
        HttpRequest.Builder builder = request(path).header("Content-Type", multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body));
        if (user != null) {
            builder.header("Authorization", authorization(user, password));
        }
        return send(builder.build());
    }

    public HttpResponse<byte[]> getBytes(String path, String accept, String user, String password) {
        HttpRequest.Builder builder = request(path).header("Authorization", authorization(user, password)).GET();
        if (accept != null) {
            builder.header("Accept", accept);
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient client() {
        return client;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
