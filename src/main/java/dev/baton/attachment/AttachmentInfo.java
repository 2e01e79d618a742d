package dev.baton.attachment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What is known about an uploaded file.
 *
 * @param contentType sniffed from the bytes, e.g. {@code image/png}, {@code text/plain}
 * @param sha256 lower-case hex digest of the bytes
 * @param createdBy the user who uploaded it (for an API key, the administrator who created the key)
 */
public record AttachmentInfo(
        String id,
        String fileName,
        String contentType,
        long size,
        String sha256,
        boolean hasThumbnail,
        @Nullable Long createdBy,
        Instant createdAt) {

    public boolean isImage() {
        return this.contentType.startsWith("image/");
    }
}
