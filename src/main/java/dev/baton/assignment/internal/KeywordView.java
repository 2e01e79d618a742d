package dev.baton.assignment.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A classification keyword as the API shows it. */
record KeywordView(
        long id,
        String keyword,
        @Nullable String category,
        @Nullable Long templateId,
        @Nullable String priority,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    /** @param created new keywords; {@code replaced} ones had the same normalised text and were overwritten */
    record Imported(int created, int replaced) {}
}
