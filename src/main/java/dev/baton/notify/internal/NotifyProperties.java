package dev.baton.notify.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery settings ({@code baton.notify.*}).
 *
 * @param linkBase the web UI's address; a ticket's {@code link} is {@code <linkBase>/tickets/<id>}
 * @param pollInterval how often the worker looks for due deliveries
 * @param maxAttempts attempts before a delivery is dead
 * @param backoff the wait after the first failed attempt; it doubles after each further one
 * @param maxBackoff the longest wait between attempts
 * @param lease how long a claimed delivery stays claimed: a node that dies while sending leaves it to others after
 *     this
 * @param mailFrom the e-mail sender address
 * @param smsWebhookUrl where the SMS provider webhook posts {@code {"mobile", "text"}}; SMS is off without it
 */
@ConfigurationProperties("baton.notify")
record NotifyProperties(
        @DefaultValue("http://localhost:8080") String linkBase,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("30s") Duration backoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("100") int batchSize,
        @DefaultValue("baton@localhost") String mailFrom,
        @Nullable String smsWebhookUrl) {

    /** The wait after {@code attempts} failed attempts. */
    Duration backoffAfter(int attempts) {
        Duration wait = this.backoff;
        for (int i = 1; i < attempts && wait.compareTo(this.maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(this.maxBackoff) > 0 ? this.maxBackoff : wait;
    }
}
