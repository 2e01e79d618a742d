package dev.baton.flow.internal;

import dev.baton.flow.Assignee;
import dev.baton.flow.Branch;
import dev.baton.flow.CustomerStatus;
import dev.baton.flow.Effect;
import dev.baton.flow.FlowGraph;
import dev.baton.flow.FlowState;
import dev.baton.flow.FlowState.Decision;
import dev.baton.flow.FlowState.Status;
import dev.baton.flow.FlowState.Token;
import dev.baton.flow.FlowState.TokenStatus;
import dev.baton.flow.Node;
import dev.baton.flow.StepResult;
import dev.baton.template.FieldDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One step in progress: a mutable copy of a {@link FlowState} that walks the graph from node to node
 * until every position waits for a person again or the flow ends. Used once and thrown away.
 */
public final class StepRun {

    /** The step cannot go on; the caller answers with a refusal and the untouched input state. */
    public static final class Failure extends RuntimeException {
        public final StepResult.Reason reason;
        public final String nodeId;

        Failure(StepResult.Reason reason, String nodeId, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
            this.nodeId = nodeId;
        }
    }

    private final FlowGraph graph;
    private final ConditionEvaluator conditions;
    private final Map<String, FieldDefinition> fieldDefs;
    private final List<Token> tokens;
    private final Map<String, Integer> joins;
    private final Map<String, @Nullable Object> fields;
    private final Map<String, @Nullable Object> facts;
    private final List<Effect> effects = new ArrayList<>();
    private Status status;
    private @Nullable CustomerStatus customerStatus;

    public StepRun(
            FlowGraph graph, ConditionEvaluator conditions, Map<String, FieldDefinition> fieldDefs, FlowState state) {
        this.graph = graph;
        this.conditions = conditions;
        this.fieldDefs = fieldDefs;
        this.tokens = new ArrayList<>(state.tokens());
        this.joins = new HashMap<>(state.joins());
        this.fields = new LinkedHashMap<>(state.fields());
        this.facts = new LinkedHashMap<>(state.facts());
        this.status = state.status();
        this.customerStatus = state.customerStatus();
    }

    public StepResult.Applied applied() {
        FlowState state =
                new FlowState(this.status, this.tokens, this.joins, this.fields, this.facts, this.customerStatus);
        return new StepResult.Applied(state, this.effects);
    }

    /** Starts the flow: the start node is passed at once, as the submission is its work. */
    public void start(Map<String, @Nullable Object> fields, Map<String, @Nullable Object> facts) {
        this.status = Status.RUNNING;
        this.fields.putAll(fields);
        this.facts.putAll(facts);
        String start = this.graph.startId();
        this.effects.add(new Effect.NodeEntered(start));
        complete(start);
    }

    public void putFields(Map<String, @Nullable Object> values) {
        this.fields.putAll(values);
    }

    public void replace(Token token) {
        this.tokens.replaceAll(t -> t.nodeId().equals(token.nodeId()) ? token : t);
    }

    public void effect(Effect effect) {
        this.effects.add(effect);
    }

    /** Removes the node's position and moves on to where the graph goes after it. */
    public void complete(String id) {
        this.tokens.removeIf(t -> t.nodeId().equals(id));
        this.effects.add(new Effect.NodeCompleted(id));
        switch (this.graph.exit(id)) {
            case FlowGraph.Exit.Goto g -> enter(g.nodeId());
            case FlowGraph.Exit.BranchEnd b -> branchEnded(b.blockId());
            case FlowGraph.Exit.FlowEnd f -> finish(Status.COMPLETED, null);
        }
    }

    /** Removes the node's position and enters {@code target} again (only this position moves). */
    public void returnTo(String from, String target) {
        this.tokens.removeIf(t -> t.nodeId().equals(from));
        this.effects.add(new Effect.Returned(from, target));
        enter(target);
    }

    /** Ends the flow everywhere: an end node inside a parallel branch ends the other branches too. */
    public void finish(Status outcome, @Nullable CustomerStatus endStatus) {
        this.status = outcome;
        this.customerStatus = endStatus;
        this.tokens.clear();
        this.joins.clear();
        this.effects.add(new Effect.FlowFinished(outcome, endStatus));
    }

    private void enter(String id) {
        Node node = this.graph.node(id);
        this.effects.add(new Effect.NodeEntered(id));
        switch (node) {
            case Node.Start s -> wait(Token.task(id), new Assignee.Creator());
            case Node.Task t -> wait(Token.task(id), t.assignee());
            case Node.Approval a -> enterApproval(a);
            case Node.Condition c -> enterCondition(c);
            case Node.Parallel p -> enterParallel(p);
            case Node.Automation a -> {
                this.effects.add(Automations.run(a, this.fieldDefs, this.fields));
                complete(id);
            }
            case Node.End e -> {
                this.effects.add(new Effect.NodeCompleted(id));
                finish(Status.COMPLETED, e.customerStatus());
            }
        }
    }

    private void wait(Token token, Assignee assignee) {
        this.tokens.add(token);
        this.effects.add(new Effect.AssignmentNeeded(token.nodeId(), assignee));
    }

    private void enterApproval(Node.Approval a) {
        Token token = new Token(
                a.id(),
                TokenStatus.WAITING,
                a.mode(),
                Collections.nCopies(a.approvers().size(), Decision.PENDING));
        this.tokens.add(token);
        for (int i : token.turn()) {
            this.effects.add(
                    new Effect.ApprovalRequested(a.id(), i, a.approvers().get(i)));
        }
    }

    private void enterCondition(Node.Condition c) {
        List<Branch> branches = c.branches();
        int chosen = -1;
        for (int i = 0; i < branches.size() && chosen < 0; i++) {
            String when = branches.get(i).when();
            if (when != null && !branches.get(i).isDefault() && holds(c.id(), when)) {
                chosen = i;
            }
        }
        for (int i = 0; i < branches.size() && chosen < 0; i++) {
            if (branches.get(i).isDefault()) {
                chosen = i;
            }
        }
        this.effects.add(new Effect.BranchChosen(c.id(), chosen));
        String first = this.graph.branchStarts(c.id()).get(chosen);
        if (first == null) {
            branchEnded(c.id());
        } else {
            enter(first);
        }
    }

    private boolean holds(String nodeId, String when) {
        try {
            return this.conditions.holds(when, this.fields, this.facts);
        } catch (ConditionEvaluator.Failure e) {
            throw new Failure(StepResult.Reason.CONDITION_FAILED, nodeId, when + ": " + e.getMessage());
        }
    }

    private void enterParallel(Node.Parallel p) {
        List<@Nullable String> starts = this.graph.branchStarts(p.id());
        // The counter is set before any branch runs: a branch that ends at once counts itself down.
        this.joins.put(p.id(), starts.size());
        for (String first : starts) {
            if (this.status != Status.RUNNING) {
                return; // an end node in an earlier branch finished the flow
            }
            if (first == null) {
                branchEnded(p.id());
            } else {
                enter(first);
            }
        }
    }

    private void branchEnded(String blockId) {
        if (this.graph.node(blockId) instanceof Node.Parallel) {
            int running = this.joins.getOrDefault(blockId, 1) - 1;
            if (running > 0) {
                this.joins.put(blockId, running);
                return;
            }
            this.joins.remove(blockId);
        }
        complete(blockId);
    }
}
