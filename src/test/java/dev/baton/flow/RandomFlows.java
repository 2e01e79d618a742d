package dev.baton.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random valid flow definitions for property tests: every node type, every approval mode, rejections that
 * end or return to a node allowed by the publish checks, tasks that may return, and conditions over
 * {@code fields.amount} and {@code fields.tags} with {@code set_field} automations changing the amount.
 */
final class RandomFlows {

    private final Random random;
    private int count;
    private int budget;

    RandomFlows(Random random) {
        this.random = random;
        this.budget = 3 + random.nextInt(40);
    }

    ObjectNode root() {
        ObjectNode start = node("start");
        start.put("id", "s");
        start.set("next", chain(1, new ArrayList<>(List.of("s"))));
        return start;
    }

    /** A chain of nodes; {@code targets} are the nodes on every path so far within this parallel branch. */
    private @Nullable ObjectNode chain(int depth, List<String> targets) {
        if (this.budget <= 0 || depth > 12 || this.random.nextInt(5) == 0) {
            return null;
        }
        this.budget--;
        ObjectNode node;
        switch (this.random.nextInt(8)) {
            case 0, 1 -> {
                node = node("task");
                node.putObject("assignee").put("strategy", "creator");
                if (!targets.isEmpty() && this.random.nextBoolean()) {
                    node.putArray("actions").add("return");
                }
            }
            case 2, 3 -> {
                node = node("approval");
                node.put("mode", pick("serial", "all", "any"));
                ArrayNode approvers = node.putArray("approvers");
                for (int i = 0, n = 1 + this.random.nextInt(3); i < n; i++) {
                    approvers.addObject().put("strategy", "role").put("roleCode", "r" + i);
                }
                ObjectNode onReject = node.putObject("onReject");
                if (targets.isEmpty() || this.random.nextInt(3) == 0) {
                    onReject.put("action", "end");
                } else {
                    onReject.put("action", "return")
                            .put("targetNodeId", targets.get(this.random.nextInt(targets.size())));
                }
            }
            case 4 -> {
                node = node("automation");
                if (this.random.nextBoolean()) {
                    node.put("action", "set_field").put("fieldKey", "amount").put("value", this.random.nextInt(10_000));
                } else {
                    node.put("action", "notify").put("channel", "sms").put("message", "hi");
                }
            }
            case 5, 6 -> {
                boolean condition = this.random.nextBoolean();
                node = node(condition ? "condition" : "parallel");
                ArrayNode branches = node.putArray("branches");
                for (int i = 0, n = 2 + this.random.nextInt(2); i < n; i++) {
                    ObjectNode branch = branches.addObject().put("name", "b" + i);
                    if (condition && i == n - 1) {
                        branch.put("default", true);
                    } else if (condition) {
                        branch.put("when", pick("fields.amount > 5000", "'x' in fields.tags", "fields.amount < 100"));
                    }
                    // A parallel branch may not return out of itself; a condition branch may.
                    branch.set("next", chain(depth + 1, condition ? new ArrayList<>(targets) : new ArrayList<>()));
                }
            }
            default -> {
                ObjectNode end = node("end");
                end.put("customerStatus", "done");
                return end;
            }
        }
        String type = node.get("type").stringValue();
        if (type.equals("task") || type.equals("approval")) {
            targets.add(node.get("id").stringValue());
        }
        node.set("next", chain(depth + 1, targets));
        return node;
    }

    private String pick(String... options) {
        return options[this.random.nextInt(options.length)];
    }

    private ObjectNode node(String type) {
        ObjectNode node = FlowFixtures.JSON.createObjectNode();
        node.put("id", type + "-" + this.count++);
        node.put("type", type);
        node.put("name", type);
        return node;
    }
}
