package dev.baton.attachment.internal;

import dev.baton.attachment.AttachmentInfo;
import dev.baton.platform.CurrentUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload and download of attachments; any authenticated caller of the tenant may upload and read
 * them (the records that reference them decide who sees the reference). Downloads carry the
 * sniffed type, {@code nosniff} and a sandboxing CSP, and only images are shown inline.
 */
@RestController
@RequestMapping("/api/v1/attachments")
class AttachmentController {

    static final String BASE = "/api/v1/attachments/";

    private final AttachmentService attachments;

    AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    /** Multipart with the file in the part {@code file}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentView upload(@RequestPart(name = "file", required = false) @Nullable MultipartFile file) {
        return AttachmentView.of(this.attachments.upload(CurrentUser.require(), file));
    }

    @GetMapping("/{id}")
    AttachmentView get(@PathVariable String id) {
        return AttachmentView.of(this.attachments.get(CurrentUser.require().tenantId(), id));
    }

    @GetMapping("/{id}/content")
    ResponseEntity<Resource> content(@PathVariable String id) throws IOException {
        AttachmentService.Download download =
                this.attachments.content(CurrentUser.require().tenantId(), id);
        AttachmentInfo a = download.info();
        MediaType type = MediaType.parseMediaType(a.contentType());
        if (type.getType().equals("text")) {
            type = new MediaType(type, StandardCharsets.UTF_8);
        }
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(a.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.of(a.isImage(), a.fileName()))
                .headers(AttachmentController::untrusted)
                .body(new InputStreamResource(download.content()));
    }

    @GetMapping("/{id}/thumbnail")
    ResponseEntity<Resource> thumbnail(@PathVariable String id) throws IOException {
        AttachmentService.Download download =
                this.attachments.thumbnail(CurrentUser.require().tenantId(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        Thumbnails.typeFor(download.info().contentType())))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .headers(AttachmentController::untrusted)
                .body(new InputStreamResource(download.content()));
    }

    /** Uploaded bytes are never trusted: no type guessing by the browser, no scripts, no plugins. */
    private static void untrusted(HttpHeaders headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    }

    /**
     * @param url where the bytes are downloaded
     * @param thumbnailUrl where the thumbnail is, null when there is none
     */
    record AttachmentView(
            String id,
            String fileName,
            String contentType,
            long size,
            String sha256,
            @Nullable String thumbnailUrl,
            String url,
            Instant createdAt) {

        static AttachmentView of(AttachmentInfo a) {
            return new AttachmentView(
                    a.id(),
                    a.fileName(),
                    a.contentType(),
                    a.size(),
                    a.sha256(),
                    a.hasThumbnail() ? BASE + a.id() + "/thumbnail" : null,
                    BASE + a.id() + "/content",
                    a.createdAt());
        }
    }
}
