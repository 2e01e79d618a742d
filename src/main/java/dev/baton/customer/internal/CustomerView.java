package dev.baton.customer.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A customer as the API shows it.
 *
 * @param possibleDuplicates other customers with the same phone number (a merge candidate), newest first
 */
record CustomerView(
        long id,
        String name,
        @Nullable String company,
        String level,
        @Nullable String region,
        List<String> tags,
        @Nullable String phone,
        @Nullable Long ownerId,
        List<String> wecomExternalIds,
        List<String> groupChatIds,
        List<Long> possibleDuplicates,
        Instant createdAt,
        Instant updatedAt,
        int version) {}
