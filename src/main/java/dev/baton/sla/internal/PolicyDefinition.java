package dev.baton.sla.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A policy's conditions and targets as stored in {@code sla_policies.definition} (JSON text) and shown by the API.
 * Durations are ISO-8601 business durations ({@code PT4H}, {@code P3D}).
 *
 * @param nodes per-node targets by flow node id; a node's own {@code sla} in its flow overrides them
 * @param pauseStatuses ticket statuses in which the clocks stop ({@code suspended}, …)
 * @param reminderBefore business time before the deadline to remind; {@code PT0M} for no reminder
 */
record PolicyDefinition(
        Match match,
        @Nullable String firstResponse,
        @Nullable String resolution,
        Map<String, String> nodes,
        List<String> pauseStatuses,
        String reminderBefore,
        List<Escalation> escalations) {

    static final String DEFAULT_REMINDER = "PT30M";

    /** Empty lists match every ticket; a ticket matches when it matches every non-empty list. */
    record Match(List<Long> templateIds, List<String> priorities, List<String> customerLevels, List<String> sources) {}

    /**
     * One escalation level after the breach.
     *
     * @param after business time after the deadline
     * @param to {@code assignee}, {@code assignee_leader} (the leader {@code leaderLevel} levels up from the
     *     assignee's department: 1 its own leader, 2 the one above, …) or {@code role} (every holder of
     *     {@code roleCode})
     */
    record Escalation(
            int level,
            String after,
            String to,
            @Nullable Integer leaderLevel,
            @Nullable String roleCode,
            List<String> channels) {}
}
