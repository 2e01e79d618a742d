package dev.baton.flow.internal;

import dev.baton.platform.FieldError;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A flow as the designer sees it: the draft, what keeps it from being published, and the latest
 * published version.
 *
 * @param problems every reason the draft cannot be published, with its JSON path; empty when it can
 * @param version the optimistic-lock version of the draft, sent back with edits
 */
record FlowView(
        long id,
        String name,
        long templateId,
        JsonNode definition,
        List<FieldError> problems,
        @Nullable Integer publishedVersion,
        int version,
        Instant createdAt,
        Instant updatedAt) {

    /** A row of the flow list. */
    record Summary(
            long id,
            String name,
            long templateId,
            @Nullable Integer publishedVersion,
            int version,
            Instant updatedAt) {}

    /** One immutable published version. */
    record Published(
            int versionNo,
            int templateVersion,
            @Nullable Long createdBy,
            Instant createdAt,
            @Nullable JsonNode definition) {}
}
