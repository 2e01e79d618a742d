package dev.baton.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Random valid flows with random decisions, over many seeds (plain JUnit, reproducible by seed). */
class FlowStepPropertyTest {

    private static final int SEEDS = 300;

    private record Case(JsonNode json, FlowStepper stepper) {}

    private static Case flow(Random random) {
        JsonNode json = new RandomFlows(random).root();
        FlowDefinitions.Result parsed = FlowDefinitions.parse(json, FlowFixtures.FIELDS);
        assertThat(parsed.errors()).as(json.toString()).isEmpty();
        return new Case(json, new FlowStepper(FlowCompiler.compile(parsed.root()), FlowFixtures.FIELDS));
    }

    private static Map<String, @Nullable Object> fields(Random random) {
        Map<String, @Nullable Object> fields = new HashMap<>();
        if (random.nextInt(4) > 0) {
            fields.put("amount", (double) random.nextInt(10_000));
        }
        fields.put("tags", random.nextBoolean() ? List.of("x") : List.of());
        return fields;
    }

    private static void assertWaitsOrFinished(FlowStepper stepper, FlowState state, String context) {
        if (state.finished()) {
            assertThat(state.tokens()).as(context).isEmpty();
            return;
        }
        assertThat(state.tokens()).as(context).isNotEmpty();
        for (FlowState.Token token : state.tokens()) {
            assertThat(stepper.graph().node(token.nodeId()).type())
                    .as(context)
                    .isIn(NodeType.TASK, NodeType.APPROVAL, NodeType.START);
        }
    }

    @Test
    void theSimulatorsPathIsThePathOfTheSameCommandsStepByStep() {
        List<Effect> all = new ArrayList<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            Case c = flow(random);
            Map<String, List<FlowSimulator.Verdict>> script = new HashMap<>();
            c.stepper().graph().nodes().values().stream()
                    .filter(Node.Approval.class::isInstance)
                    .forEach(n -> script.put(n.id(), verdicts(random)));
            String context = "seed " + seed + ": " + c.json();

            FlowSimulator.Simulation sim = FlowSimulator.simulate(c.stepper(), fields(random), Map.of(), script);

            assertThat(sim.refusal()).as(context).isNull();
            assertThat(sim.state().finished()).as(context).isTrue();
            FlowState state = FlowState.NEW;
            List<Effect> effects = new ArrayList<>();
            for (StepCommand command : sim.commands()) {
                StepResult result = c.stepper().step(state, command);
                assertThat(result).as(context).isInstanceOf(StepResult.Applied.class);
                effects.addAll(((StepResult.Applied) result).effects());
                state = result.state();
                assertWaitsOrFinished(c.stepper(), state, context);
            }
            assertThat(FlowSimulator.path(effects)).as(context).isEqualTo(sim.path());
            assertThat(effects).as(context).isEqualTo(sim.effects());
            assertThat(state).as(context).isEqualTo(sim.state());
            all.addAll(effects);
        }
        // The seeds must reach the interesting cases, or the property proves little.
        assertThat(all).anyMatch(Effect.Returned.class::isInstance);
        assertThat(all).contains(new Effect.FlowFinished(FlowState.Status.REJECTED, null));
        assertThat(all).anyMatch(e -> e instanceof Effect.SetField);
        assertThat(all).anyMatch(e -> e instanceof Effect.BranchChosen b && b.branchIndex() == 0);
    }

    @Test
    void randomCommandsIncludingMisuseNeverThrowAndAlwaysLeaveWorkOrAnEnd() {
        for (long seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            Case c = flow(random);
            List<String> ids = new ArrayList<>(c.stepper().graph().nodes().keySet());
            ids.sort(null);
            String context = "seed " + seed + ": " + c.json();
            FlowState state = c.stepper()
                    .step(FlowState.NEW, new StepCommand.Start(fields(random), Map.of()))
                    .state();
            for (int i = 0; i < 60 && !state.finished(); i++) {
                assertWaitsOrFinished(c.stepper(), state, context);
                String node = random.nextInt(4) == 0
                        ? ids.get(random.nextInt(ids.size()))
                        : state.tokens()
                                .get(random.nextInt(state.tokens().size()))
                                .nodeId();
                StepCommand command = switch (random.nextInt(6)) {
                    case 0 -> new StepCommand.Claim(node);
                    case 1 -> new StepCommand.Complete(node);
                    case 2 -> new StepCommand.Approve(node, random.nextInt(3));
                    case 3 -> new StepCommand.Reject(node, random.nextInt(3));
                    case 4 -> new StepCommand.ReturnTo(node, ids.get(random.nextInt(ids.size())));
                    default -> new StepCommand.Approve(node, 0);
                };
                StepResult result = c.stepper().step(state, command);
                if (result instanceof StepResult.Refused refused) {
                    assertThat(refused.state()).as(context).isSameAs(state);
                    assertThat(refused.refusal().reason())
                            .as(context)
                            .isNotIn(StepResult.Reason.CONDITION_FAILED, StepResult.Reason.FIELD_VALUE);
                }
                state = result.state();
            }
            assertWaitsOrFinished(c.stepper(), state, context);
        }
    }

    private static List<FlowSimulator.Verdict> verdicts(Random random) {
        List<FlowSimulator.Verdict> verdicts = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            verdicts.add(random.nextBoolean() ? FlowSimulator.Verdict.APPROVE : FlowSimulator.Verdict.REJECT);
        }
        return verdicts;
    }
}
