package dev.baton.assignment.internal;

import org.jspecify.annotations.Nullable;

/**
 * A rule to create or replace. Missing {@code conditions} match every ticket, a missing {@code fallback} is the
 * pool; {@code version} is required on update.
 */
record RuleCommand(
        @Nullable String name,
        @Nullable Boolean enabled,
        RuleDefinition.@Nullable Conditions conditions,
        RuleDefinition.@Nullable Target target,
        RuleDefinition.@Nullable Strategy strategy,
        RuleDefinition.@Nullable Fallback fallback,
        @Nullable Integer version) {}
