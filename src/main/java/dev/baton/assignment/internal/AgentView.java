package dev.baton.assignment.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An agent's routing profile with their name and current open load. */
record AgentView(
        long userId,
        @Nullable String name,
        List<String> skills,
        @Nullable String region,
        String status,
        @Nullable Instant statusUntil,
        @Nullable Integer maxOpen,
        int openTickets,
        int version) {}
