package dev.baton.assignment.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An agent's routing profile. {@code version} is null to create the profile, else the version the caller saw.
 *
 * @param status {@code available} (default), {@code off_duty} or {@code on_leave}
 * @param statusUntil when off duty or leave ends (null: until changed)
 * @param maxOpen the most open tickets routing gives them (null: no cap)
 */
record AgentCommand(
        @Nullable List<String> skills,
        @Nullable String region,
        @Nullable String status,
        @Nullable Instant statusUntil,
        @Nullable Integer maxOpen,
        @Nullable Integer version) {}
