package dev.baton.flow;

import dev.baton.flow.FlowState.Decision;
import dev.baton.flow.FlowState.Status;
import dev.baton.flow.FlowState.Token;
import dev.baton.flow.FlowState.TokenStatus;
import dev.baton.flow.StepResult.Reason;
import dev.baton.flow.internal.Ancestry;
import dev.baton.flow.internal.ConditionEvaluator;
import dev.baton.flow.internal.StepRun;
import dev.baton.template.FieldDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The flow engine's step function: (state, command) → (new state, effects), with no storage and no clock.
 * Entering a node runs everything that needs no person (conditions, automations, parallel splits and joins,
 * ends) until each position waits at a task or approval again. Misuse is answered with a
 * {@link StepResult.Refused} naming the node, never an exception, and a refused step changes nothing: a
 * condition that cannot be evaluated or an automation value that does not fit refuses the whole command.
 * Thread-safe; build one per published flow version and reuse it.
 */
public final class FlowStepper {

    private final FlowGraph graph;
    private final ConditionEvaluator conditions;
    private final Ancestry ancestry;
    private final Map<String, FieldDefinition> fieldDefs = new HashMap<>();

    /** Throws {@link IllegalArgumentException} when a condition does not compile (checks refuse those). */
    public FlowStepper(FlowGraph graph, List<FieldDefinition> templateFields) {
        this.graph = graph;
        List<String> whens = graph.nodes().values().stream()
                .filter(Node.Condition.class::isInstance)
                .flatMap(n -> ((Node.Condition) n).branches().stream())
                .map(Branch::when)
                .filter(Objects::nonNull)
                .toList();
        this.conditions = new ConditionEvaluator(templateFields, whens);
        this.ancestry = new Ancestry(graph);
        templateFields.forEach(f -> this.fieldDefs.putIfAbsent(f.key(), f));
    }

    public FlowGraph graph() {
        return this.graph;
    }

    public StepResult step(FlowState state, StepCommand command) {
        if (command instanceof StepCommand.Start && state.status() != Status.NOT_STARTED) {
            return refuse(state, Reason.ALREADY_STARTED, null, "the flow has started already");
        }
        if (!(command instanceof StepCommand.Start) && state.status() == Status.NOT_STARTED) {
            return refuse(state, Reason.NOT_STARTED, null, "the flow has not started");
        }
        if (state.finished()) {
            return refuse(state, Reason.FINISHED, null, "the flow has finished");
        }
        StepRun run = new StepRun(this.graph, this.conditions, this.fieldDefs, state);
        try {
            StepResult.Refused refused = switch (command) {
                case StepCommand.Start s -> {
                    run.start(s.fields(), s.facts());
                    yield null;
                }
                case StepCommand.Claim c -> claim(state, run, c);
                case StepCommand.Release r -> release(state, run, r);
                case StepCommand.Complete c -> complete(state, run, c);
                case StepCommand.Approve a -> decide(state, run, a.nodeId(), a.approverIndex(), true);
                case StepCommand.Reject r -> decide(state, run, r.nodeId(), r.approverIndex(), false);
                case StepCommand.ReturnTo r -> returnTo(state, run, r);
            };
            return refused != null ? refused : run.applied();
        } catch (StepRun.Failure f) {
            return refuse(state, f.reason, f.nodeId, Objects.requireNonNullElse(f.getMessage(), ""));
        }
    }

    private StepResult.@Nullable Refused claim(FlowState state, StepRun run, StepCommand.Claim c) {
        Token token = state.token(c.nodeId()).orElse(null);
        StepResult.Refused refused = activeTask(state, c.nodeId(), token);
        if (refused != null || token == null) {
            return refused;
        }
        if (token.status() != TokenStatus.WAITING) {
            return refuse(state, Reason.ALREADY_CLAIMED, c.nodeId(), "the task is in progress");
        }
        run.replace(new Token(token.nodeId(), TokenStatus.IN_PROGRESS, null, List.of()));
        return null;
    }

    private StepResult.@Nullable Refused release(FlowState state, StepRun run, StepCommand.Release r) {
        Token token = state.token(r.nodeId()).orElse(null);
        StepResult.Refused refused = activeTask(state, r.nodeId(), token);
        if (refused != null || token == null) {
            return refused;
        }
        if (token.status() != TokenStatus.IN_PROGRESS) {
            return refuse(state, Reason.NOT_CLAIMED, r.nodeId(), "the task is not in progress");
        }
        run.replace(new Token(token.nodeId(), TokenStatus.WAITING, null, List.of()));
        return null;
    }

    /** Claiming is the ticket module's bookkeeping of who works on a task, so a waiting task may complete. */
    private StepResult.@Nullable Refused complete(FlowState state, StepRun run, StepCommand.Complete c) {
        StepResult.Refused refused =
                activeTask(state, c.nodeId(), state.token(c.nodeId()).orElse(null));
        if (refused != null) {
            return refused;
        }
        run.putFields(c.fields());
        run.complete(c.nodeId());
        return null;
    }

    private StepResult.@Nullable Refused returnTo(FlowState state, StepRun run, StepCommand.ReturnTo r) {
        String from = r.fromNodeId();
        StepResult.Refused refused = activeTask(state, from, state.token(from).orElse(null));
        if (refused != null) {
            return refused;
        }
        if (!(this.graph.node(from) instanceof Node.Task task)
                || !task.actions().contains(TaskAction.RETURN)) {
            return refuse(state, Reason.RETURN_NOT_ALLOWED, from, "the task has no return action");
        }
        if (!this.ancestry.mayReturn(from, r.targetNodeId())) {
            return refuse(state, Reason.RETURN_TARGET, from, "cannot return to " + r.targetNodeId());
        }
        run.returnTo(from, r.targetNodeId());
        return null;
    }

    private StepResult.@Nullable Refused decide(
            FlowState state, StepRun run, String nodeId, int index, boolean approve) {
        Token token = state.token(nodeId).orElse(null);
        StepResult.Refused refused = active(state, nodeId, token);
        if (refused != null || token == null) {
            return refused;
        }
        if (!(this.graph.node(nodeId) instanceof Node.Approval approval)) {
            return refuse(state, Reason.WRONG_NODE_TYPE, nodeId, "the node is not an approval");
        }
        if (index < 0 || index >= token.decisions().size()) {
            return refuse(state, Reason.NO_SUCH_APPROVER, nodeId, "no approver " + index);
        }
        if (token.decisions().get(index) != Decision.PENDING) {
            return refuse(state, Reason.ALREADY_DECIDED, nodeId, "approver " + index + " has decided");
        }
        if (!token.turn().contains(index)) {
            return refuse(state, Reason.NOT_YOUR_TURN, nodeId, "waiting for approver " + token.turn());
        }
        Decision decision = approve ? Decision.APPROVED : Decision.REJECTED;
        Token decided = token.decide(index, decision);
        run.replace(decided);
        run.effect(new Effect.ApprovalDecided(nodeId, index, decision));
        if (!approve) {
            // Every mode treats one rejection as the node's answer: serial and all need every approval,
            // and in any mode the first decision, either way, decides.
            switch (approval.onReject()) {
                case OnReject.End e -> run.finish(Status.REJECTED, null);
                case OnReject.Return r -> run.returnTo(nodeId, r.targetNodeId());
            }
        } else if (approval.mode() == ApprovalMode.ANY || decided.turn().isEmpty()) {
            run.complete(nodeId);
        } else if (approval.mode() == ApprovalMode.SERIAL) {
            int next = decided.turn().getFirst();
            run.effect(new Effect.ApprovalRequested(
                    nodeId, next, approval.approvers().get(next)));
        }
        return null;
    }

    private StepResult.@Nullable Refused activeTask(FlowState state, String nodeId, @Nullable Token token) {
        StepResult.Refused refused = active(state, nodeId, token);
        if (refused == null && this.graph.node(nodeId) instanceof Node.Approval) {
            return refuse(state, Reason.WRONG_NODE_TYPE, nodeId, "the node is an approval");
        }
        return refused;
    }

    private StepResult.@Nullable Refused active(FlowState state, String nodeId, @Nullable Token token) {
        if (!this.graph.nodes().containsKey(nodeId)) {
            return refuse(state, Reason.UNKNOWN_NODE, nodeId, "no such node");
        }
        return token == null ? refuse(state, Reason.NOT_ACTIVE, nodeId, "the node is not active") : null;
    }

    private static StepResult.Refused refuse(FlowState state, Reason reason, @Nullable String nodeId, String detail) {
        return new StepResult.Refused(state, new StepResult.Refusal(reason, nodeId, state.status(), detail));
    }
}
