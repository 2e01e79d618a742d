package dev.baton.flow.internal;

import dev.baton.platform.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    /**
     * One immutable published version.
     *
     * @param mapping the mapping given when it was published: old node id → node of this version, where
     *     running tickets at nodes it no longer has go when they move onto it; empty when none was needed
     */
    record Published(
            int versionNo,
            int templateVersion,
            @Nullable Long createdBy,
            Instant createdAt,
            Map<String, String> mapping,
            @Nullable JsonNode definition) {}
}
