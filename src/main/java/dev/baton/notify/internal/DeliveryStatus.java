package dev.baton.notify.internal;

import java.util.List;

/** A delivery's states: pending → sent, or failed (retried later) → … → dead after the last attempt. */
final class DeliveryStatus {

    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String DEAD = "dead";

    /** The states the worker picks up once due. */
    static final List<String> DUE = List.of(PENDING, FAILED);

    private DeliveryStatus() {}
}
