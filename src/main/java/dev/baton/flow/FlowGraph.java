package dev.baton.flow;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A checked definition as a graph a step function walks: nodes by id, and for every node where the flow
 * goes once the node is done ({@link #exit}). Immutable.
 */
public final class FlowGraph {

    /** Where the flow goes after a node. */
    public sealed interface Exit {

        /** To the node's own {@code next}. */
        record Goto(String nodeId) implements Exit {}

        /**
         * The branch of the condition or parallel node {@code blockId} has ended: a condition goes on with
         * {@code exit(blockId)}; a parallel node waits for its other branches first.
         */
        record BranchEnd(String blockId) implements Exit {}

        /** The whole flow has ended. */
        record FlowEnd() implements Exit {}
    }

    private final String startId;
    private final Map<String, Node> nodes;
    private final Map<String, String> enclosing;
    private final Map<String, List<@Nullable String>> branchStarts;

    FlowGraph(
            String startId,
            Map<String, Node> nodes,
            Map<String, String> enclosing,
            Map<String, List<@Nullable String>> branchStarts) {
        this.startId = startId;
        this.nodes = Map.copyOf(nodes);
        this.enclosing = Map.copyOf(enclosing);
        this.branchStarts = Map.copyOf(branchStarts);
    }

    public String startId() {
        return this.startId;
    }

    public int size() {
        return this.nodes.size();
    }

    /** All nodes by id. */
    public Map<String, Node> nodes() {
        return this.nodes;
    }

    /** The node with this id; throws for an unknown id. */
    public Node node(String id) {
        Node node = this.nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return node;
    }

    /** The innermost condition or parallel node whose branch holds this node; null on the main line. */
    public @Nullable String enclosing(String id) {
        node(id);
        return this.enclosing.get(id);
    }

    /**
     * The first node of each branch of a condition or parallel node, in order; null for an empty branch
     * (which ends at once). Empty for other nodes.
     */
    public List<@Nullable String> branchStarts(String id) {
        node(id);
        return this.branchStarts.getOrDefault(id, List.of());
    }

    /** Where the flow goes once this node (for a block: its chosen or all branches) is done. */
    public Exit exit(String id) {
        Node node = node(id);
        if (node.next() != null) {
            return new Exit.Goto(Objects.requireNonNull(node.next()).id());
        }
        String block = this.enclosing.get(id);
        return block == null ? new Exit.FlowEnd() : new Exit.BranchEnd(block);
    }

    /**
     * The node where the enclosing condition or parallel node of {@code id} converges, following enclosing
     * blocks outwards; null when the flow ends there (or the node is on the main line).
     */
    public @Nullable String convergence(String id) {
        String block = this.enclosing.get(id);
        while (block != null) {
            Node node = node(block);
            if (node.next() != null) {
                return Objects.requireNonNull(node.next()).id();
            }
            block = this.enclosing.get(block);
        }
        return null;
    }
}
