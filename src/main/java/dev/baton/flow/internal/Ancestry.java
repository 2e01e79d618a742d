package dev.baton.flow.internal;

import dev.baton.flow.FlowGraph;
import dev.baton.flow.Node;
import dev.baton.flow.NodeType;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which nodes a return may go back to. The definition is a tree, so the nodes that lie on every path to a
 * node are its ancestors: the earlier nodes of its own chain and, from the first node of a branch, the
 * block node and its ancestors. Nodes inside a finished block's branches are not on every path.
 */
public final class Ancestry {

    private record Parent(String id, boolean viaParallelBranch) {}

    private final FlowGraph graph;
    private final Map<String, Parent> parents = new HashMap<>();

    public Ancestry(FlowGraph graph) {
        this.graph = graph;
        for (Node node : graph.nodes().values()) {
            if (node.next() != null) {
                this.parents.put(Objects.requireNonNull(node.next()).id(), new Parent(node.id(), false));
            }
            for (@Nullable String first : graph.branchStarts(node.id())) {
                if (first != null) {
                    this.parents.put(first, new Parent(node.id(), node instanceof Node.Parallel));
                }
            }
        }
    }

    /**
     * Whether {@code target} is a start, task or approval before {@code from} on every path, without
     * leaving the parallel branch {@code from} is in: only that branch's position moves, so the target
     * must be in the same branch.
     */
    public boolean mayReturn(String from, String target) {
        if (!this.graph.nodes().containsKey(target)) {
            return false;
        }
        NodeType type = this.graph.node(target).type();
        if (type != NodeType.START && type != NodeType.TASK && type != NodeType.APPROVAL) {
            return false;
        }
        Parent parent = this.parents.get(from);
        while (parent != null && !parent.viaParallelBranch()) {
            if (parent.id().equals(target)) {
                return true;
            }
            parent = this.parents.get(parent.id());
        }
        return false;
    }
}
