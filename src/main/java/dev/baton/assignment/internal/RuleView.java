package dev.baton.assignment.internal;

import java.time.Instant;

/** A rule as the API shows it. */
record RuleView(
        long id,
        String name,
        int position,
        boolean enabled,
        RuleDefinition.Conditions conditions,
        RuleDefinition.Target target,
        RuleDefinition.Strategy strategy,
        RuleDefinition.Fallback fallback,
        Instant createdAt,
        Instant updatedAt,
        int version) {}
