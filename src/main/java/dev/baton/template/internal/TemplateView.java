package dev.baton.template.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A template with the fields of its current version.
 *
 * @param version the optimistic-lock version of the template row, sent back with edits
 * @param currentVersion the number of the field-definition version new tickets are created with
 */
record TemplateView(
        long id,
        String code,
        String name,
        @Nullable String category,
        @Nullable String description,
        @Nullable String icon,
        boolean enabled,
        @Nullable Long flowId,
        Map<String, String> statusNames,
        int currentVersion,
        List<FieldJson> fields,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    /** A row of the template list: everything but the fields. */
    record Summary(
            long id,
            String code,
            String name,
            @Nullable String category,
            @Nullable String icon,
            boolean enabled,
            int currentVersion,
            int fieldCount,
            int version,
            Instant updatedAt) {}

    /** One immutable version of the field definitions. */
    record Version(
            int versionNo, int fieldCount, @Nullable Long createdBy, Instant createdAt, List<FieldJson> fields) {}
}
