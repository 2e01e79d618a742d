package dev.baton.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Turns a checked definition ({@link FlowDefinitions.Result#root()}) into a {@link FlowGraph}. */
public final class FlowCompiler {

    private FlowCompiler() {}

    /** Throws {@link IllegalArgumentException} for a tree with repeated ids (checks refuse those). */
    public static FlowGraph compile(Node.Start root) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, String> enclosing = new HashMap<>();
        Map<String, List<@Nullable String>> branchStarts = new HashMap<>();
        record Visit(Node node, @Nullable String block) {}
        Deque<Visit> todo = new ArrayDeque<>();
        todo.push(new Visit(root, null));
        while (!todo.isEmpty()) {
            Visit visit = todo.pop();
            Node node = visit.node();
            if (nodes.putIfAbsent(node.id(), node) != null) {
                throw new IllegalArgumentException("repeated node id " + node.id());
            }
            if (visit.block() != null) {
                enclosing.put(node.id(), visit.block());
            }
            if (node.next() != null) {
                todo.push(new Visit(node.next(), visit.block()));
            }
            List<Branch> branches = switch (node) {
                case Node.Condition c -> c.branches();
                case Node.Parallel p -> p.branches();
                default -> List.of();
            };
            if (!branches.isEmpty()) {
                List<@Nullable String> starts = new ArrayList<>();
                for (Branch branch : branches) {
                    Node first = branch.next();
                    starts.add(first == null ? null : first.id());
                    if (first != null) {
                        todo.push(new Visit(first, node.id()));
                    }
                }
                branchStarts.put(node.id(), java.util.Collections.unmodifiableList(starts));
            }
        }
        return new FlowGraph(root.id(), nodes, enclosing, branchStarts);
    }
}
