package dev.baton.attachment.internal;

import dev.baton.attachment.AttachmentInfo;
import dev.baton.attachment.AttachmentStorage;
import dev.baton.attachment.Attachments;
import dev.baton.platform.AuditTrail;
import dev.baton.platform.BatonException;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads: size check, content-type sniffing, SHA-256, thumbnail, then the bytes go to the storage
 * and the row (with its audit entry) to the database. Bytes are stored first; if the row cannot be
 * written they are removed again, so a row never points at nothing.
 */
@Service
class AttachmentService implements Attachments {

    static final int ID_LENGTH = 36;
    static final String THUMBNAIL_SUFFIX = ".thumb";

    private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);

    private final AttachmentRepository attachments;
    private final AttachmentStorage storage;
    private final AuditTrail audit;
    private final TransactionOperations tx;
    private final Clock clock;
    private final UploadConfig.UploadLimit limit;

    AttachmentService(
            AttachmentRepository attachments,
            AttachmentStorage storage,
            AuditTrail audit,
            TransactionOperations tx,
            Clock clock,
            UploadConfig.UploadLimit limit) {
        this.attachments = attachments;
        this.storage = storage;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.limit = limit;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AttachmentInfo> find(long tenantId, String id) {
        if (id.length() != ID_LENGTH) {
            return Optional.empty();
        }
        return this.attachments.find(tenantId, id).map(AttachmentRepository::toInfo);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> missing(long tenantId, Collection<String> ids) {
        Set<String> distinct = new LinkedHashSet<>(ids);
        Set<String> found = this.attachments.existing(
                tenantId,
                distinct.stream().filter(id -> id.length() == ID_LENGTH).toList());
        return distinct.stream().filter(id -> !found.contains(id)).toList();
    }

    AttachmentInfo upload(CurrentUser me, @Nullable MultipartFile upload) {
        MultipartFile file = check(upload);
        long tenant = me.tenantId();
        String id = UUID.randomUUID().toString();
        String key = storageKey(id);
        String fileName = FileNames.clean(file.getOriginalFilename());
        try {
            String contentType;
            try (InputStream in = file.getInputStream()) {
                byte[] head = in.readNBytes(ContentSniffer.HEAD);
                contentType = ContentSniffer.sniff(head, head.length >= file.getSize());
            }
            MessageDigest sha256 = sha256();
            try (InputStream in = new DigestInputStream(file.getInputStream(), sha256)) {
                this.storage.put(tenant, key, in);
            }
            boolean thumbnail = storeThumbnail(tenant, key, file, contentType);
            AttachmentInfo info = new AttachmentInfo(
                    id,
                    fileName,
                    contentType,
                    file.getSize(),
                    HexFormat.of().formatHex(sha256.digest()),
                    thumbnail,
                    me.userId(),
                    this.clock.instant());
            this.tx.executeWithoutResult(status -> {
                this.attachments.insert(tenant, info, key);
                this.audit.record("attachment.upload", "attachment", id, fileName);
            });
            return info;
        } catch (IOException e) {
            discard(tenant, key);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            discard(tenant, key);
            throw e;
        }
    }

    /** Refuses a missing part (400), an empty file (400) and a file over the limit (413). */
    MultipartFile check(@Nullable MultipartFile file) {
        if (file == null) {
            throw new ValidationException("file", "{validation.required}");
        }
        if (file.isEmpty()) {
            throw new ValidationException("file", "{attachment.empty}");
        }
        if (file.getSize() > this.limit.maxBytes()) {
            throw new BatonException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", this.limit.maxBytes());
        }
        return file;
    }

    @Transactional(readOnly = true)
    AttachmentInfo get(long tenantId, String id) {
        return find(tenantId, id).orElseThrow(() -> new NotFoundException("attachment", id));
    }

    /** The stored bytes of an attachment of the tenant; 404 for any other id. */
    Download content(long tenantId, String id) throws IOException {
        Stored row = row(tenantId, id);
        return new Download(row.info(), this.storage.open(tenantId, row.storageKey()));
    }

    /** The thumbnail of an image attachment of the tenant; 404 when there is none. */
    Download thumbnail(long tenantId, String id) throws IOException {
        Stored row = row(tenantId, id);
        if (!row.info().hasThumbnail()) {
            throw new NotFoundException("thumbnail", id);
        }
        return new Download(row.info(), this.storage.open(tenantId, row.storageKey() + THUMBNAIL_SUFFIX));
    }

    private Stored row(long tenantId, String id) {
        return Optional.of(id)
                .filter(i -> i.length() == ID_LENGTH)
                .flatMap(i -> this.attachments.find(tenantId, i))
                .map(r -> new Stored(AttachmentRepository.toInfo(r), r.getStorageKey()))
                .orElseThrow(() -> new NotFoundException("attachment", id));
    }

    private boolean storeThumbnail(long tenant, String key, MultipartFile file, String contentType) throws IOException {
        if (!Thumbnails.supports(contentType)) {
            return false;
        }
        Optional<byte[]> thumbnail;
        try (InputStream in = file.getInputStream()) {
            thumbnail = Thumbnails.create(in, contentType);
        }
        if (thumbnail.isEmpty()) {
            return false;
        }
        this.storage.put(tenant, key + THUMBNAIL_SUFFIX, new ByteArrayInputStream(thumbnail.get()));
        return true;
    }

    private void discard(long tenant, String key) {
        for (String k : List.of(key, key + THUMBNAIL_SUFFIX)) {
            try {
                this.storage.delete(tenant, k);
            } catch (IOException | RuntimeException e) {
                log.warn("could not remove {} of tenant {} after a failed upload: {}", k, tenant, e.toString());
            }
        }
    }

    /** Spread over 256 directories by the first two characters of the (random) id. */
    static String storageKey(String id) {
        return id.substring(0, 2) + "/" + id;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(AttachmentInfo info, String storageKey) {}

    /** An attachment's metadata and an open stream of bytes (of the file or its thumbnail). */
    record Download(AttachmentInfo info, InputStream content) {}
}
