package dev.baton.assignment.internal;

/** Round-robin positions: {@link #next} moves a rule's cursor and answers the new position (1, 2, …). */
interface Cursors {

    long next(long tenantId, String key);

    /** The position {@link #next} would answer, without moving (explain). */
    long peek(long tenantId, String key);
}
