package dev.baton.flow;

import org.jspecify.annotations.Nullable;

/**
 * One branch of a condition or parallel node.
 *
 * @param when CEL expression over {@code fields}, {@code ticket} and {@code customer} that yields a bool;
 *     null for the default branch of a condition and for every branch of a parallel node
 * @param isDefault whether this is the condition's fallback branch
 * @param next first node of the branch; null for an empty branch that goes straight to the convergence
 */
public record Branch(
        String name,
        @Nullable String when,
        boolean isDefault,
        @Nullable Node next) {}
