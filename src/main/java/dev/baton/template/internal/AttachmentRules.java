package dev.baton.template.internal;

import dev.baton.attachment.AttachmentInfo;
import dev.baton.attachment.Attachments;
import dev.baton.platform.FieldError;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The rules of image and file fields that need the stored files: each id must be an attachment of
 * the tenant, an image field takes only images, and the field's size and content-type limits hold
 * (an upload knows nothing of the field it is meant for, so they are checked here).
 */
@Component
class AttachmentRules {

    private final Attachments attachments;

    AttachmentRules(Attachments attachments) {
        this.attachments = attachments;
    }

    void check(
            long tenantId,
            List<FieldDefinition> defs,
            Map<String, ? extends @Nullable Object> values,
            List<FieldError> errors) {
        for (FieldDefinition def : defs) {
            if ((def.type() != FieldType.IMAGE && def.type() != FieldType.FILE)
                    || !(values.get(def.key()) instanceof List<?> ids)) {
                continue;
            }
            for (int i = 0; i < ids.size(); i++) {
                String at = def.key() + "[" + i + "]";
                Optional<AttachmentInfo> file = this.attachments.find(tenantId, String.valueOf(ids.get(i)));
                if (file.isEmpty()) {
                    errors.add(new FieldError(at, "{field.attachment-missing}"));
                } else if (def.type() == FieldType.IMAGE && !file.get().isImage()) {
                    errors.add(new FieldError(at, "{field.attachment-not-image}"));
                } else if (def.maxFileSize() != null && file.get().size() > def.maxFileSize()) {
                    errors.add(new FieldError(at, "{field.attachment-too-large}"));
                } else if (!allowed(def.allowedContentTypes(), file.get().contentType())) {
                    errors.add(new FieldError(at, "{field.attachment-type}"));
                }
            }
        }
    }

    /** {@code image/*} style wildcards allowed; an empty list allows every type. */
    static boolean allowed(List<String> allowedTypes, String contentType) {
        return allowedTypes.isEmpty()
                || allowedTypes.stream()
                        .anyMatch(t -> t.endsWith("/*")
                                ? contentType.startsWith(t.substring(0, t.length() - 1))
                                : contentType.equalsIgnoreCase(t));
    }
}
