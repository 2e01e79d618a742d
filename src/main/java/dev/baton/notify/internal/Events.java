package dev.baton.notify.internal;

import java.util.List;
import java.util.Set;

/** The events a notification can be about, and which of them pass quiet hours. */
final class Events {

    static final List<String> ALL = List.of(
            "created",
            "assigned",
            "reminder",
            "breached",
            "escalated_l1",
            "escalated_l2",
            "escalated_l3",
            "approved",
            "rejected",
            "commented",
            "closed",
            "urged",
            "pool_unclaimed",
            "automation");

    /**
     * Sent during quiet hours: escalations from the second level up, when a breach has already gone past the
     * assignee's leader (the rule; a first-level escalation waits for the morning like a reminder).
     */
    static final Set<String> URGENT = Set.of("escalated_l2", "escalated_l3");

    private Events() {}

    static boolean known(String event) {
        return ALL.contains(event);
    }
}
