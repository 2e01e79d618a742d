package dev.baton.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Moves of random running states, over many seeds (plain JUnit, reproducible by seed). */
class FlowMovePropertyTest {

    private static final int SEEDS = 300;

    private static FlowStepper stepper(JsonNode json) {
        FlowDefinitions.Result parsed = FlowDefinitions.parse(json, FlowFixtures.FIELDS);
        assertThat(parsed.errors()).as(json.toString()).isEmpty();
        return new FlowStepper(FlowCompiler.compile(parsed.root()), FlowFixtures.FIELDS);
    }

    private static Map<String, @Nullable Object> fields(Random random) {
        Map<String, @Nullable Object> fields = new HashMap<>();
        fields.put("amount", (double) random.nextInt(10_000));
        fields.put("tags", random.nextBoolean() ? List.of("x") : List.of());
        return fields;
    }

    /** A command someone could send now: on a position, mostly a valid one, with returns and rejections. */
    private static StepCommand someCommand(FlowStepper stepper, FlowState state, Random random) {
        FlowState.Token token = state.tokens().get(random.nextInt(state.tokens().size()));
        String node = token.nodeId();
        if (token.mode() != null) {
            int who = token.turn().getFirst();
            return random.nextInt(4) == 0 ? new StepCommand.Reject(node, who) : new StepCommand.Approve(node, who);
        }
        List<String> ids = new ArrayList<>(stepper.graph().nodes().keySet());
        ids.sort(null);
        return switch (random.nextInt(5)) {
            case 0 -> new StepCommand.Claim(node);
            case 1 -> new StepCommand.ReturnTo(node, ids.get(random.nextInt(ids.size())));
            default -> new StepCommand.Complete(node);
        };
    }

    @Test
    void movingAStateOntoItsOwnVersionChangesNothing() {
        int checked = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            JsonNode json = new RandomFlows(random).root();
            FlowStepper stepper = stepper(json);
            FlowState state = stepper.step(FlowState.NEW, new StepCommand.Start(fields(random), Map.of()))
                    .state();
            for (int i = 0; i < 40 && !state.finished(); i++) {
                assertThat(FlowMoves.move(state, stepper.graph(), Map.of()))
                        .as("seed " + seed + " step " + i + ": " + json)
                        .isEqualTo(state);
                checked += state.joins().isEmpty() ? 0 : 1;
                state = stepper.step(state, someCommand(stepper, state, random)).state();
            }
        }
        assertThat(checked).as("states inside parallel blocks").isGreaterThan(100);
    }

    /**
     * A running state of one random flow moved onto another random flow, with every position the other one
     * lacks mapped to a random node where tokens wait, always runs to its end there: counters never keep a block waiting for a
     * branch that no longer runs, and no node is reached twice at once.
     */
    @Test
    void aStateMovedOntoAnyOtherVersionRunsToItsEndThere() {
        int moved = 0;
        int inParallel = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            JsonNode oldJson = new RandomFlows(random).root();
            JsonNode newJson = new RandomFlows(random).root();
            FlowStepper old = stepper(oldJson);
            FlowStepper next = stepper(newJson);
            String context = "seed " + seed + ": " + oldJson + " -> " + newJson;
            FlowState state = old.step(FlowState.NEW, new StepCommand.Start(fields(random), Map.of()))
                    .state();
            for (int i = random.nextInt(6); i > 0 && !state.finished(); i--) {
                state = old.step(state, someCommand(old, state, random)).state();
            }
            if (state.finished()) {
                continue;
            }
            List<String> places = next.graph().nodes().keySet().stream()
                    .filter(id -> FlowMoves.waitsAt(next.graph(), id))
                    .sorted()
                    .toList();
            Map<String, String> mapping = new HashMap<>();
            for (FlowState.Token token : state.tokens()) {
                if (!FlowMoves.waitsAt(next.graph(), token.nodeId())) {
                    mapping.put(token.nodeId(), places.get(random.nextInt(places.size())));
                }
            }

            state = FlowMoves.move(state, next.graph(), mapping);
            moved++;
            inParallel += state.joins().isEmpty() ? 0 : 1;

            for (int steps = 0; !state.finished(); steps++) {
                assertThat(steps).as(context).isLessThan(2_000);
                assertSound(next.graph(), state, context);
                FlowState.Token token = state.tokens().getFirst();
                StepCommand command = token.mode() == null
                        ? new StepCommand.Complete(token.nodeId())
                        : new StepCommand.Approve(token.nodeId(), token.turn().getFirst());
                StepResult result = next.step(state, command);
                assertThat(result).as(context + " " + command).isInstanceOf(StepResult.Applied.class);
                state = result.state();
            }
        }
        // The seeds must reach running states and moves into parallel blocks, or the property proves little.
        assertThat(moved).isGreaterThan(80);
        assertThat(inParallel).isGreaterThan(10);
    }

    private static void assertSound(FlowGraph graph, FlowState state, String context) {
        assertThat(state.tokens()).as(context).isNotEmpty();
        Set<String> nodes = new HashSet<>();
        for (FlowState.Token token : state.tokens()) {
            assertThat(FlowMoves.waitsAt(graph, token.nodeId())).as(context).isTrue();
            assertThat(nodes.add(token.nodeId()))
                    .as(context + ": two positions at " + token.nodeId())
                    .isTrue();
            if (graph.node(token.nodeId()) instanceof Node.Approval a) {
                assertThat(token.decisions()).as(context).hasSameSizeAs(a.approvers());
            }
        }
        state.joins().forEach((block, running) -> {
            assertThat(graph.node(block)).as(context).isInstanceOf(Node.Parallel.class);
            assertThat(running)
                    .as(context)
                    .isBetween(1, graph.branchStarts(block).size());
        });
    }
}
