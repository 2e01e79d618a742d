package dev.baton.customer.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Create or edit a customer. Lists replace what is stored; a null list on an edit keeps it.
 *
 * @param level {@code basic}, {@code standard} (default) or {@code vip}
 * @param wecomExternalIds WeCom external contact ids (external_userid) of this customer
 * @param groupChatIds WeCom group chats (chat_id) this customer is served in
 * @param version required on an edit
 */
record CustomerCommand(
        @Nullable String name,
        @Nullable String company,
        @Nullable String level,
        @Nullable String region,
        @Nullable List<String> tags,
        @Nullable String phone,
        @Nullable Long ownerId,
        @Nullable List<String> wecomExternalIds,
        @Nullable List<String> groupChatIds,
        @Nullable Integer version) {}
