package dev.baton.attachment.internal;

import static dev.baton.platform.db.Tables.ATTACHMENTS;

import dev.baton.attachment.AttachmentInfo;
import dev.baton.platform.db.tables.records.AttachmentsRecord;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class AttachmentRepository {

    private final DSLContext db;

    AttachmentRepository(DSLContext db) {
        this.db = db;
    }

    Optional<AttachmentsRecord> find(long tenantId, String id) {
        return this.db
                .selectFrom(ATTACHMENTS)
                .where(ATTACHMENTS.TENANT_ID.eq(tenantId), ATTACHMENTS.ID.eq(id))
                .fetchOptional();
    }

    /** The ids among {@code ids} that are attachments of the tenant. */
    Set<String> existing(long tenantId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return this.db
                .select(ATTACHMENTS.ID)
                .from(ATTACHMENTS)
                .where(ATTACHMENTS.TENANT_ID.eq(tenantId), ATTACHMENTS.ID.in(ids))
                .fetchSet(ATTACHMENTS.ID);
    }

    void insert(long tenantId, AttachmentInfo a, String storageKey) {
        this.db
                .insertInto(ATTACHMENTS)
                .set(ATTACHMENTS.TENANT_ID, tenantId)
                .set(ATTACHMENTS.ID, a.id())
                .set(ATTACHMENTS.FILE_NAME, a.fileName())
                .set(ATTACHMENTS.CONTENT_TYPE, a.contentType())
                .set(ATTACHMENTS.SIZE_BYTES, a.size())
                .set(ATTACHMENTS.SHA256, a.sha256())
                .set(ATTACHMENTS.STORAGE_KEY, storageKey)
                .set(ATTACHMENTS.HAS_THUMBNAIL, a.hasThumbnail())
                .set(ATTACHMENTS.CREATED_BY, a.createdBy())
                .set(ATTACHMENTS.CREATED_AT, a.createdAt())
                .execute();
    }

    static AttachmentInfo toInfo(AttachmentsRecord r) {
        return new AttachmentInfo(
                r.getId(),
                r.getFileName(),
                r.getContentType(),
                r.getSizeBytes(),
                r.getSha256(),
                r.getHasThumbnail(),
                r.getCreatedBy(),
                r.getCreatedAt());
    }
}
