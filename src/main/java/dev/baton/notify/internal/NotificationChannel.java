package dev.baton.notify.internal;

import java.util.Optional;

/** One way of reaching people. Implementations send one delivery at a time and throw {@link DeliveryFailure}. */
interface NotificationChannel {

    Channel channel();

    /** Whether this channel is set up at all (a mail server, a WeCom corp, an SMS provider). */
    boolean available();

    /** Where this recipient is reached on this channel; empty when they have no such address. */
    Optional<String> address(Recipient recipient);

    /** Sends it now, or throws {@link DeliveryFailure} with the provider's answer. */
    void send(Outgoing message);
}
