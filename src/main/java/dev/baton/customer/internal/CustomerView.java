package dev.baton.customer.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A customer as the API shows it.
 *
 * @param wecomLinks the same WeCom ids with what the WeCom sync knows of them
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
        List<WeComLink> wecomLinks,
        List<Long> possibleDuplicates,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    /**
     * @param kind {@code external_contact} or {@code group_chat}
     * @param name the contact's or the chat's name in WeCom, once synced
     * @param removedAt when WeCom reported the contact gone or the chat dismissed; the link stays, so a contact added
     *     back returns to this customer
     */
    record WeComLink(
            String kind,
            String ref,
            @Nullable String name,
            @Nullable Instant removedAt) {}
}
