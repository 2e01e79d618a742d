package dev.baton.sla.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of creating ({@code version} absent) and replacing ({@code version} required) an SLA policy. Lists and
 * durations arrive loosely typed so that each bad entry is reported at its own path ({@code escalations[1].after}).
 */
record PolicyCommand(
        @NotBlank @Size(max = 100) String name,
        @Nullable Boolean enabled,
        @Nullable Long calendarId,
        @Nullable Match match,
        @Nullable String firstResponse,
        @Nullable String resolution,
        @Nullable Map<String, @Nullable String> nodes,
        @Nullable List<@Nullable String> pauseStatuses,
        @Nullable String reminderBefore,
        @Nullable List<@Nullable Escalation> escalations,
        @Nullable Integer version) {

    record Match(
            @Nullable List<@Nullable Long> templateIds,
            @Nullable List<@Nullable String> priorities,
            @Nullable List<@Nullable String> customerLevels,
            @Nullable List<@Nullable String> sources) {}

    record Escalation(
            @Nullable Integer level,
            @Nullable String after,
            @Nullable String to,
            @Nullable Integer leaderLevel,
            @Nullable String roleCode,
            @Nullable List<@Nullable String> channels) {}

    /** {@code PUT /api/v1/sla-policies/order}: every policy id of the tenant, in the order they are tried. */
    record Order(@Nullable List<@Nullable Long> ids) {}
}
