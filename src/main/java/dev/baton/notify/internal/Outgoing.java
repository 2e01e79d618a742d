package dev.baton.notify.internal;

import org.jspecify.annotations.Nullable;

/** A delivery as a channel sends it: already rendered, addressed and claimed. */
record Outgoing(
        long tenantId,
        long deliveryId,
        @Nullable Long recipientId,
        String event,
        @Nullable Long ticketId,
        String address,
        String subject,
        String body,
        @Nullable String link) {}
