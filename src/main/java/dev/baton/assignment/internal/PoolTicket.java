package dev.baton.assignment.internal;

import java.time.Instant;

/** A ticket waiting in the pool at one node; {@code version} is what a grab acts on. */
record PoolTicket(
        long id, String number, String title, String priority, String nodeId, Instant waitingSince, int version) {}
