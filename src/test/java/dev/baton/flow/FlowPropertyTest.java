package dev.baton.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class FlowPropertyTest {

    /** Builds a random valid definition from a seed and counts its nodes. */
    private static final class Generator {
        private final Random random;
        private int count;
        private int budget;

        Generator(long seed) {
            this.random = new Random(seed);
            this.budget = 5 + this.random.nextInt(120);
        }

        ObjectNode root() {
            ObjectNode start = node("start");
            start.set("next", chain(2, null));
            return start;
        }

        private @Nullable ObjectNode chain(int depth, @Nullable String returnTarget) {
            if (this.budget <= 0 || depth > 60 || this.random.nextInt(6) == 0) {
                return null;
            }
            this.budget--;
            int kind = this.random.nextInt(depth > 50 ? 3 : 6);
            ObjectNode node;
            String target = returnTarget;
            switch (kind) {
                case 0 -> {
                    node = node("task");
                    node.putObject("assignee").put("strategy", "role").put("roleCode", "agent");
                    node.putObject("fields").put("amount", "readonly");
                    target = node.get("id").stringValue();
                }
                case 1 -> {
                    node = node("approval");
                    node.put("mode", "all");
                    node.putArray("approvers")
                            .addObject()
                            .put("strategy", "field")
                            .put("fieldKey", "owner");
                    if (returnTarget != null) {
                        node.putObject("onReject").put("action", "return").put("targetNodeId", returnTarget);
                    }
                    target = node.get("id").stringValue();
                }
                case 2 -> {
                    node = node("automation");
                    node.put("action", "set_priority").put("priority", "high");
                }
                case 3, 4 -> {
                    boolean condition = kind == 3;
                    node = node(condition ? "condition" : "parallel");
                    ArrayNode branches = node.putArray("branches");
                    int n = 2 + this.random.nextInt(3);
                    for (int i = 0; i < n; i++) {
                        ObjectNode branch = branches.addObject().put("name", "b" + i);
                        if (condition && i == n - 1) {
                            branch.put("default", true);
                        } else if (condition) {
                            branch.put("when", "fields.amount > " + i + " && 'x' in fields.tags");
                        }
                        branch.set("next", chain(depth + 1, condition ? target : null));
                    }
                }
                default -> {
                    if (this.random.nextBoolean()) {
                        ObjectNode end = node("end");
                        end.put("customerStatus", "done");
                        return end;
                    }
                    node = node("task");
                    node.putObject("assignee").put("strategy", "creator");
                }
            }
            node.set("next", chain(depth + 1, target));
            return node;
        }

        private ObjectNode node(String type) {
            ObjectNode node = FlowFixtures.JSON.createObjectNode();
            node.put("id", type + "-" + this.count++);
            node.put("type", type);
            node.put("name", type);
            return node;
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 200)
    void validTreesParseAndCompileToAGraphOfTheSameSize(@ForAll("seeds") long seed) {
        Generator generator = new Generator(seed);
        JsonNode json = generator.root();

        FlowDefinitions.Result result = FlowDefinitions.parse(json, FlowFixtures.FIELDS);

        assertThat(result.errors()).as(json.toString()).isEmpty();
        FlowGraph graph = FlowCompiler.compile(result.root());
        assertThat(graph.size()).isEqualTo(generator.count);
        Set<String> reached = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(graph.startId()));
        while (!todo.isEmpty()) {
            String id = todo.removeLast();
            if (!reached.add(id)) {
                continue;
            }
            switch (graph.exit(id)) {
                case FlowGraph.Exit.Goto g -> todo.add(g.nodeId());
                case FlowGraph.Exit.BranchEnd b ->
                    assertThat(graph.node(b.blockId()).type()).isIn(NodeType.CONDITION, NodeType.PARALLEL);
                case FlowGraph.Exit.FlowEnd f ->
                    assertThat(graph.convergence(id)).isNull();
            }
            graph.branchStarts(id).stream().filter(s -> s != null).forEach(todo::add);
        }
        assertThat(reached).as("every node is reachable from the start").hasSize(graph.size());
    }
}
