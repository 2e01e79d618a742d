package dev.baton.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for tests, so every filter, converter and error handler is exercised. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final Map<String, String> headers;

    public Api(String base) {
        this(base, Map.of());
    }

    private Api(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    public Api header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(this.headers);
        copy.put(name, value);
        return new Api(this.base, copy);
    }

    /** The same client (headers, token) talking to another server, e.g. a second Baton node. */
    public Api on(String base) {
        return new Api(base, this.headers);
    }

    public Api token(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public Api english() {
        return header("Accept-Language", "en");
    }

    /** Logs in and returns a client carrying the access token. */
    public Api login(String tenant, String username, String password) {
        Response r = post("/api/v1/auth/login", Map.of("tenant", tenant, "username", username, "password", password));
        if (r.status() != 200) {
            throw new AssertionError("log-in as " + tenant + "/" + username + " failed: " + r);
        }
        return token(r.text("accessToken"));
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, @Nullable Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, @Nullable Object body) {
        return send("PUT", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Uploads one file as {@code multipart/form-data} (part {@code file}) to {@code path}. */
    public Response upload(String path, String fileName, byte[] content) {
        String boundary = "baton-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        this.headers.forEach(request::header);
        return execute(request);
    }

    /** Sends {@code body} as is with the given content type (CSV imports). */
    public Response sendText(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        this.headers.forEach(request::header);
        return execute(request);
    }

    /** A body that is a String is sent as is (for malformed JSON); anything else is serialised. */
    public Response send(String method, String path, @Nullable Object body) {
        String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
                .method(
                        method,
                        payload == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(payload));
        if (payload != null) {
            request.header("Content-Type", "application/json");
        }
        this.headers.forEach(request::header);
        return execute(request);
    }

    private Response execute(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed as JSON when it is JSON. */
    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        }

        /** The node at a JSON pointer such as {@code /errors/0/field}. */
        public JsonNode at(String pointer) {
            return json().at(pointer);
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        public long id() {
            return json().path("id").asLong();
        }

        public @Nullable String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
