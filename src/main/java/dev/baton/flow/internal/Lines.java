package dev.baton.flow.internal;

import dev.baton.flow.FlowGraph;
import dev.baton.flow.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where each node lies in the definition tree: on which line (the main line, or one branch of a condition or
 * parallel node) and how far along it. Tells whether two positions of one ticket can wait at the same time,
 * which is what moving a running ticket onto another version must keep true.
 */
public final class Lines {

    /** How two nodes lie relative to each other. */
    public enum Relation {
        SAME,
        /** In different branches of a parallel node: both may wait at once. */
        SIDE_BY_SIDE,
        /** The first comes earlier on the path to the second. */
        BEFORE,
        AFTER,
        /** In different branches of a condition: only one of them can be reached. */
        EXCLUSIVE
    }

    /** A node's spot on one line: the block whose branch the line is (null: the main line), and the index. */
    private record Spot(@Nullable String block, int branch, int index) {}

    private final FlowGraph graph;
    private final Map<String, Spot> spots = new HashMap<>();

    public Lines(FlowGraph graph) {
        this.graph = graph;
        walk(graph.startId(), null, 0);
        for (Node node : graph.nodes().values()) {
            List<@Nullable String> starts = graph.branchStarts(node.id());
            for (int i = 0; i < starts.size(); i++) {
                String first = starts.get(i);
                if (first != null) {
                    walk(first, node.id(), i);
                }
            }
        }
    }

    private void walk(String first, @Nullable String block, int branch) {
        int index = 0;
        for (Node n = this.graph.node(first); n != null; n = n.next()) {
            this.spots.put(n.id(), new Spot(block, branch, index++));
        }
    }

    /** The spots from the main line inwards to the node's own. */
    private List<Spot> path(String nodeId) {
        List<Spot> path = new ArrayList<>();
        String current = nodeId;
        while (true) {
            Spot spot = Objects.requireNonNull(this.spots.get(current), current);
            path.addFirst(spot);
            if (spot.block() == null) {
                return path;
            }
            current = spot.block();
        }
    }

    public Relation relation(String a, String b) {
        List<Spot> pa = path(a);
        List<Spot> pb = path(b);
        for (int d = 0; ; d++) {
            if (d == pa.size() || d == pb.size()) {
                // One node is a block holding the other (never two waiting positions): the block comes first.
                return pa.size() == pb.size()
                        ? Relation.SAME
                        : pa.size() < pb.size() ? Relation.BEFORE : Relation.AFTER;
            }
            Spot sa = pa.get(d);
            Spot sb = pb.get(d);
            if (sa.branch() != sb.branch()) {
                return this.graph.node(Objects.requireNonNull(sa.block())) instanceof Node.Parallel
                        ? Relation.SIDE_BY_SIDE
                        : Relation.EXCLUSIVE;
            }
            if (sa.index() != sb.index()) {
                return sa.index() < sb.index() ? Relation.BEFORE : Relation.AFTER;
            }
        }
    }

    /** For each parallel node the node lies inside (at any depth), the index of the branch holding it. */
    public Map<String, Integer> parallelBranches(String nodeId) {
        Map<String, Integer> branches = new HashMap<>();
        for (Spot spot : path(nodeId)) {
            if (spot.block() != null && this.graph.node(spot.block()) instanceof Node.Parallel) {
                branches.put(spot.block(), spot.branch());
            }
        }
        return branches;
    }
}
