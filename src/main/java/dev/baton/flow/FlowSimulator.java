package dev.baton.flow;

import dev.baton.flow.FlowState.Token;
import dev.baton.template.FieldDefinition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs a flow with scripted decisions through the same {@link FlowStepper} real tickets use, so a
 * simulation cannot disagree with execution. Tasks (and returns to the start) are completed as they come;
 * each approver decision takes the next verdict scripted for its node, and approves once the script is
 * used up, which also ends every return loop.
 */
public final class FlowSimulator {

    /** Bounds a run; a flow needs more steps only with a script of thousands of rejections. */
    public static final int MAX_STEPS = 10_000;

    public enum Verdict {
        APPROVE,
        REJECT
    }

    /**
     * @param path the ids of the nodes entered, in order (a node entered again appears again)
     * @param commands the commands the simulation sent, in order; replaying them gives the same result
     * @param refusal why the run stopped early (a condition that could not be evaluated), null otherwise
     */
    public record Simulation(
            List<String> path,
            List<Effect> effects,
            List<StepCommand> commands,
            FlowState state,
            StepResult.@Nullable Refusal refusal) {
        public Simulation {
            path = List.copyOf(path);
            effects = List.copyOf(effects);
            commands = List.copyOf(commands);
        }
    }

    private FlowSimulator() {}

    public static Simulation simulate(
            FlowGraph graph,
            List<FieldDefinition> templateFields,
            Map<String, @Nullable Object> fields,
            Map<String, @Nullable Object> facts,
            Map<String, List<Verdict>> decisions) {
        return simulate(new FlowStepper(graph, templateFields), fields, facts, decisions);
    }

    public static Simulation simulate(
            FlowStepper stepper,
            Map<String, @Nullable Object> fields,
            Map<String, @Nullable Object> facts,
            Map<String, List<Verdict>> decisions) {
        Map<String, Deque<Verdict>> script = new HashMap<>();
        decisions.forEach((node, verdicts) -> script.put(node, new ArrayDeque<>(verdicts)));
        List<Effect> effects = new ArrayList<>();
        List<StepCommand> commands = new ArrayList<>();
        FlowState state = FlowState.NEW;
        StepCommand command = new StepCommand.Start(fields, facts);
        while (command != null && commands.size() < MAX_STEPS) {
            commands.add(command);
            StepResult result = stepper.step(state, command);
            if (result instanceof StepResult.Refused refused) {
                return new Simulation(path(effects), effects, commands, state, refused.refusal());
            }
            effects.addAll(((StepResult.Applied) result).effects());
            state = result.state();
            command = state.finished() ? null : next(stepper.graph(), state, script);
        }
        return new Simulation(path(effects), effects, commands, state, null);
    }

    /** The ids of the {@link Effect.NodeEntered} effects, in order. */
    public static List<String> path(List<Effect> effects) {
        return effects.stream()
                .filter(Effect.NodeEntered.class::isInstance)
                .map(e -> ((Effect.NodeEntered) e).nodeId())
                .toList();
    }

    /** Acts on the first active position: the oldest waiting work, as a ticket's people would. */
    private static @Nullable StepCommand next(FlowGraph graph, FlowState state, Map<String, Deque<Verdict>> script) {
        if (state.tokens().isEmpty()) {
            return null;
        }
        Token token = state.tokens().getFirst();
        if (!(graph.node(token.nodeId()) instanceof Node.Approval)) {
            return new StepCommand.Complete(token.nodeId());
        }
        int approver = token.turn().getFirst();
        Deque<Verdict> verdicts = script.get(token.nodeId());
        Verdict verdict = verdicts == null || verdicts.isEmpty() ? Verdict.APPROVE : verdicts.poll();
        return verdict == Verdict.APPROVE
                ? new StepCommand.Approve(token.nodeId(), approver)
                : new StepCommand.Reject(token.nodeId(), approver);
    }
}
