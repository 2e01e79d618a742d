package dev.baton.notify.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A delivery as a channel sends it: already rendered, addressed and claimed.
 *
 * @param details what the channel kept when the delivery was written ({@link NotificationChannel#details})
 */
record Outgoing(
        long tenantId,
        long deliveryId,
        @Nullable Long recipientId,
        String event,
        @Nullable Long ticketId,
        String address,
        String subject,
        String body,
        @Nullable String link,
        Map<String, String> details) {

    Outgoing {
        details = Map.copyOf(details);
    }
}
