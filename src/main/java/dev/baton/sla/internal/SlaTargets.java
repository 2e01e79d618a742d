package dev.baton.sla.internal;

import dev.baton.sla.BusinessDuration;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a policy asks of a ticket, as the clock needs it.
 *
 * @param nodes the policy's per-node targets; a node's own SLA in its flow overrides them
 * @param pauseStatuses ticket statuses in which every clock stops
 */
record SlaTargets(
        @Nullable BusinessDuration firstResponse,
        @Nullable BusinessDuration resolution,
        Map<String, BusinessDuration> nodes,
        Set<String> pauseStatuses) {

    SlaTargets {
        nodes = Map.copyOf(nodes);
        pauseStatuses = Set.copyOf(pauseStatuses);
    }
}
