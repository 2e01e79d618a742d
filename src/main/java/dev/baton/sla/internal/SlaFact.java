package dev.baton.sla.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to a ticket and matters to its SLA clocks, as kept in {@code sla_facts}.
 *
 * @param status the new status ({@link Kind#STATUS}, {@link Kind#CLOSED})
 * @param nodeId the node ({@link Kind#NODE_ENTERED}, {@link Kind#NODE_COMPLETED}, {@link Kind#ASSIGNED})
 * @param target the entered node's own SLA from its flow ({@link Kind#NODE_ENTERED}), null for none
 */
record SlaFact(
        Instant at,
        Kind kind,
        @Nullable String status,
        @Nullable String nodeId,
        @Nullable String target,
        @Nullable Long userId,
        @Nullable Long departmentId,
        @Nullable String roleCode) {

    enum Kind {
        CREATED,
        STATUS,
        /** A person answered: accepted, commented (not the creator) or moved the ticket on. */
        RESPONSE,
        NODE_ENTERED,
        NODE_COMPLETED,
        ASSIGNED,
        CLOSED
    }

    static SlaFact of(Instant at, Kind kind) {
        return new SlaFact(at, kind, null, null, null, null, null, null);
    }

    static SlaFact status(Instant at, String status) {
        return new SlaFact(at, Kind.STATUS, status, null, null, null, null, null);
    }

    static SlaFact node(Instant at, Kind kind, String nodeId, @Nullable String target) {
        return new SlaFact(at, kind, null, nodeId, target, null, null, null);
    }
}
