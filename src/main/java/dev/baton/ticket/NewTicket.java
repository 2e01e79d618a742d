package dev.baton.ticket;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A ticket to create. Strings are codes ({@code source}: {@code web}, {@code wecom_sidebar}…; {@code priority}:
 * {@code low}, {@code normal}, {@code high}, {@code urgent}); null source means {@code api}, null priority
 * {@code normal}.
 *
 * @param description limited rich text (HTML); sanitised before it is stored
 * @param facts extra condition inputs such as {@code customer.level}, and {@code ticket.channel}
 *     (the intake channel's code) for routing rules and conditions
 */
public record NewTicket(
        @Nullable Long templateId,
        @Nullable String title,
        @Nullable String description,
        @Nullable Map<String, @Nullable Object> fields,
        @Nullable Long customerId,
        @Nullable String source,
        @Nullable String priority,
        @Nullable String chatExcerpt,
        @Nullable Map<String, @Nullable Object> facts) {}
