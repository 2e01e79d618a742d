package dev.baton.notify.internal;

import java.util.Map;
import java.util.Optional;

/** One way of reaching people. Implementations send one delivery at a time and throw {@link DeliveryFailure}. */
interface NotificationChannel {

    Channel channel();

    /** Whether this channel is set up for the tenant (a mail server, its WeCom corp, an SMS provider). */
    boolean available(long tenantId);

    /** Where this recipient is reached on this channel; empty when they have no such address. */
    Optional<String> address(Recipient recipient);

    /** How many messages one recipient may get; what goes over is merged into a digest ({@link Throttle}). */
    default Optional<RateLimit> rateLimit() {
        return Optional.empty();
    }

    /**
     * The variables this channel keeps with a delivery of this event for the send, beyond the rendered subject and
     * body; none by default.
     */
    default Map<String, String> details(String event, Map<String, String> variables) {
        return Map.of();
    }

    /** Sends it now, or throws {@link DeliveryFailure} with the provider's answer. */
    void send(Outgoing message);
}
