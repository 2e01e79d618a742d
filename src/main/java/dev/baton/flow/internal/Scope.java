package dev.baton.flow.internal;

import dev.baton.flow.NodeType;
import org.jspecify.annotations.Nullable;

/** Nodes on every path to the current one (not across a parallel branch boundary), innermost first. */
record Scope(String id, NodeType type, @Nullable Scope parent) {}
