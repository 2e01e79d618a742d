package dev.baton.attachment;

import static dev.baton.platform.db.Tables.TENANTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AttachmentIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long MAX_SIZE = 20L * 1024 * 1024;

    @Autowired
    Attachments attachments;

    @Autowired
    DSLContext db;

    @Test
    void anImageIsSniffedFromItsBytesNotFromWhatTheClientClaimsAndGetsAThumbnail() throws IOException {
        Api admin = newTenant();
        FileClient files = files(admin);
        byte[] png = png(1200, 800);

        Reply created = files.upload("not-really.txt", "text/plain", png);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode a = created.json();
        String id = a.path("id").asString();
        assertThat(UUID.fromString(id)).hasToString(id);
        assertThat(a.path("fileName").asString()).isEqualTo("not-really.txt");
        assertThat(a.path("contentType").asString()).isEqualTo("image/png");
        assertThat(a.path("size").asLong()).isEqualTo(png.length);
        assertThat(a.path("sha256").asString()).isEqualTo(sha256(png));
        assertThat(a.path("url").asString()).isEqualTo("/api/v1/attachments/" + id + "/content");
        assertThat(a.path("thumbnailUrl").asString()).isEqualTo("/api/v1/attachments/" + id + "/thumbnail");
        assertThat(a.path("createdAt").asString()).isNotBlank();

        assertThat(admin.get("/api/v1/attachments/" + id).json()).isEqualTo(a);

        Reply content = files.get(a.path("url").asString());
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(png);
        assertThat(content.header("Content-Type")).isEqualTo("image/png");
        assertThat(content.header("Content-Disposition")).startsWith("inline; filename=\"not-really.txt\"");
        assertThat(content.header("X-Content-Type-Options")).isEqualTo("nosniff");

        Reply thumbnail = files.get(a.path("thumbnailUrl").asString());
        assertThat(thumbnail.status()).isEqualTo(200);
        assertThat(thumbnail.header("Content-Type")).isEqualTo("image/png");
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(320);
        assertThat(thumb.getHeight()).isEqualTo(213);

        assertThat(admin.get("/api/v1/audit-log?action=attachment.upload").body())
                .contains(id)
                .contains("not-really.txt");
    }

    @Test
    void aTextFileWithAChineseNameComesBackByteForByteAsADownload() throws IOException {
        Api admin = newTenant();
        FileClient files = files(admin);
        String name = "报修单 说明.txt";
        byte[] text = "空调不制冷，请尽快上门。\nline 2\n".getBytes(StandardCharsets.UTF_8);

        Reply created = files.upload(name, "application/octet-stream", text);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("fileName").asString()).isEqualTo(name);
        assertThat(created.json().path("contentType").asString()).isEqualTo("text/plain");
        assertThat(created.json().path("thumbnailUrl").isNull()).isTrue();
        String id = created.json().path("id").asString();

        Reply content = files.get("/api/v1/attachments/" + id + "/content");
        assertThat(content.body()).isEqualTo(text);
        assertThat(content.header("Content-Type")).isEqualToIgnoringCase("text/plain;charset=UTF-8");
        assertThat(content.header("Content-Length")).isEqualTo(String.valueOf(text.length));
        assertThat(content.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(content.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"___ __.txt\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));

        Reply thumbnail = files.get("/api/v1/attachments/" + id + "/thumbnail");
        assertThat(thumbnail.status()).isEqualTo(404);
        assertThat(thumbnail.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void anotherTenantGets404ForMetadataContentAndThumbnail() throws IOException {
        Api a = newTenant();
        Api b = newTenant();
        String id = files(a).upload("a.png", "image/png", png(50, 50))
                .json()
                .path("id")
                .asString();
        FileClient bFiles = files(b);

        for (String path : List.of("", "/content", "/thumbnail")) {
            Reply r = bFiles.get("/api/v1/attachments/" + id + path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(r.json().path("type").asString()).isEqualTo("https://baton.dev/problems/not-found");
        }
        assertThat(b.get("/api/v1/attachments/not-an-id").status()).isEqualTo(404);
        assertThat(a.get("/api/v1/attachments/" + id).status()).isEqualTo(200);

        long tenantA = tenantId(a);
        long tenantB = tenantId(b);
        assertThat(this.attachments.find(tenantA, id))
                .map(AttachmentInfo::contentType)
                .contains("image/png");
        assertThat(this.attachments.find(tenantB, id)).isEmpty();
        String unknown = UUID.randomUUID().toString();
        assertThat(this.attachments.missing(tenantA, List.of(unknown, id, "x", unknown)))
                .containsExactly(unknown, "x");
        assertThat(this.attachments.missing(tenantB, List.of(id))).containsExactly(id);
        assertThat(this.attachments.missing(tenantA, List.of())).isEmpty();
    }

    @Test
    void aFileOverTheLimitIs413ProblemJson() throws IOException {
        FileClient files = files(newTenant());

        Reply r = files.english().upload("big.bin", "application/octet-stream", new byte[(int) MAX_SIZE + 1]);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(r.json().path("type").asString()).isEqualTo("https://baton.dev/problems/payload-too-large");
        assertThat(r.json().path("detail").asString()).contains("20,971,520");

        // over the container's limit (1MB above ours) it stops reading the request itself; sent
        // chunked and only a little over, the rest is swallowed and the answer is the same problem
        Reply huge = files.chunked()
                .upload("huge.bin", "application/octet-stream", new byte[(int) MAX_SIZE + 1024 * 1024 + 64 * 1024]);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(huge.json().path("type").asString()).isEqualTo("https://baton.dev/problems/payload-too-large");

        assertThat(files.upload("max.bin", "application/octet-stream", new byte[(int) MAX_SIZE])
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anEmptyOrMissingFileIs400OnTheFieldFile() {
        Api admin = newTenant();
        FileClient files = files(admin);

        Reply empty = files.upload("empty.txt", "text/plain", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/errors/0/field").asString()).isEqualTo("file");

        Reply otherPart =
                files.post(multipart("document", "a.txt", "text/plain", "hi".getBytes(StandardCharsets.UTF_8)));
        assertThat(otherPart.status()).isEqualTo(400);
        assertThat(otherPart.json().at("/errors/0/field").asString()).isEqualTo("file");

        Api.Response json = admin.post("/api/v1/attachments", Map.of("file", "x"));
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.at("/errors/0/field").asString()).isEqualTo("file");

        Reply broken =
                files.post(new Multipart("boundary", "--boundary\r\nnot a part".getBytes(StandardCharsets.UTF_8)));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void aCorruptImageStillUploadsWithoutAThumbnail() throws IOException {
        FileClient files = files(newTenant());
        byte[] png = png(400, 300);
        byte[] corrupt = java.util.Arrays.copyOf(png, 100);

        Reply r = files.upload("broken.png", "image/png", corrupt);

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("contentType").asString()).isEqualTo("image/png");
        assertThat(r.json().path("thumbnailUrl").isNull()).isTrue();
        assertThat(files.get(r.json().path("url").asString()).body()).isEqualTo(corrupt);
    }

    @Test
    void uploadingNeedsALogIn() {
        Reply r = new FileClient("http://localhost:" + this.port, null)
                .upload("a.txt", "text/plain", "hi".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(401);
    }

    // --- helpers: Api sends JSON only, so multipart and binary downloads go through their own client

    private FileClient files(Api admin) {
        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        String token = api().post(
                        "/api/v1/auth/login", Map.of("tenant", tenant, "username", "boss", "password", "Secret-123456"))
                .text("accessToken");
        return new FileClient("http://localhost:" + this.port, token);
    }

    private long tenantId(Api admin) {
        String code = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        return this.db
                .select(TENANTS.TENANT_ID)
                .from(TENANTS)
                .where(TENANTS.CODE.eq(code))
                .fetchSingle(TENANTS.TENANT_ID);
    }

    private static Multipart multipart(String part, String fileName, String contentType, byte[] content) {
        String boundary = "----baton" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName + "\"\r\n"
                        + "Content-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart(boundary, body.toByteArray());
    }

    private record Multipart(String boundary, byte[] body) {}

    private record FileClient(
            String base, @Nullable String token, @Nullable String language, boolean streamed) {

        FileClient(String base, @Nullable String token) {
            this(base, token, null, false);
        }

        FileClient english() {
            return new FileClient(this.base, this.token, "en", this.streamed);
        }

        /** Sends bodies without Content-Length, as a stream of chunks. */
        FileClient chunked() {
            return new FileClient(this.base, this.token, this.language, true);
        }

        Reply upload(String fileName, String contentType, byte[] content) {
            return post(multipart("file", fileName, contentType, content));
        }

        Reply post(Multipart multipart) {
            return send(request("/api/v1/attachments")
                    .header("Content-Type", "multipart/form-data; boundary=" + multipart.boundary())
                    .POST(
                            this.streamed
                                    ? HttpRequest.BodyPublishers.ofInputStream(
                                            () -> new ByteArrayInputStream(multipart.body()))
                                    : HttpRequest.BodyPublishers.ofByteArray(multipart.body())));
        }

        Reply get(String path) {
            return send(request(path).GET());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(this.base + path));
            if (this.token != null) {
                b.header("Authorization", "Bearer " + this.token);
            }
            if (this.language != null) {
                b.header("Accept-Language", this.language);
            }
            return b;
        }

        private static Reply send(HttpRequest.Builder request) {
            try {
                HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Reply(r.statusCode(), r.body(), r.headers().map());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private record Reply(int status, byte[] body, Map<String, List<String>> headers) {

        JsonNode json() {
            return JSON.readTree(this.body);
        }

        @Nullable
        String header(String name) {
            return this.headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public String toString() {
            return this.status + " " + new String(this.body, StandardCharsets.UTF_8);
        }
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.YELLOW);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
