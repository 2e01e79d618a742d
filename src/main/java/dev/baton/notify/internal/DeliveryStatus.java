package dev.baton.notify.internal;

import java.util.List;

/**
 * A delivery's states: pending → sent, or failed (retried later) → … → dead after the last attempt; or merged
 * into a digest when the recipient's rate limit held it back (the digest is a delivery of its own).
 */
final class DeliveryStatus {

    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String DEAD = "dead";
    static final String MERGED = "merged";

    /** Every state, as the delivery log filters them. */
    static final List<String> ALL = List.of(PENDING, SENT, FAILED, DEAD, MERGED);

    /** The states the worker picks up once due. */
    static final List<String> DUE = List.of(PENDING, FAILED);

    private DeliveryStatus() {}
}
