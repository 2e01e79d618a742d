package dev.baton.assignment.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A ticket waiting in the pool at one node; {@code escalatedAt} is set once it waited too long, and {@code version}
 * is what a grab acts on.
 */
record PoolTicket(
        long id,
        String number,
        String title,
        String priority,
        String nodeId,
        Instant waitingSince,
        @Nullable Instant escalatedAt,
        int version) {}
