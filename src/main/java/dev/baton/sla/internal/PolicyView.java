package dev.baton.sla.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An SLA policy as the API shows it, in the shape it is written in. */
record PolicyView(
        long id,
        String name,
        int position,
        boolean enabled,
        @Nullable Long calendarId,
        PolicyDefinition.Match match,
        @Nullable String firstResponse,
        @Nullable String resolution,
        Map<String, String> nodes,
        List<String> pauseStatuses,
        String reminderBefore,
        List<PolicyDefinition.Escalation> escalations,
        int version,
        Instant createdAt,
        Instant updatedAt) {}
