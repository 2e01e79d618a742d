package dev.baton.ticket.internal;

import dev.baton.flow.CustomerStatus;
import dev.baton.flow.Effect;
import dev.baton.flow.FlowMoves;
import dev.baton.flow.FlowState;
import dev.baton.flow.Node;
import dev.baton.flow.PublishedFlows;
import dev.baton.flow.StepCommand;
import dev.baton.flow.StepResult;
import dev.baton.platform.ValidationException;
import dev.baton.ticket.TicketEvent;
import dev.baton.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Runs a flow command for a ticket and folds the step's effects into the {@link Transition}: new task
 * rows, field values written by automations, priority, domain events, and the ticket status once the
 * flow ends.
 */
@Component
class FlowSteps {

    private final PublishedFlows flows;
    private final Assignments assignments;

    FlowSteps(PublishedFlows flows, Assignments assignments) {
        this.flows = flows;
        this.assignments = assignments;
    }

    PublishedFlows.Runtime runtime(Transition tx) {
        return runtime(
                tx.tenantId(),
                Objects.requireNonNull(tx.row.getFlowId()),
                Objects.requireNonNull(tx.row.getFlowVersion()));
    }

    PublishedFlows.Runtime runtime(long tenantId, long flowId, int version) {
        return this.flows
                .version(tenantId, flowId, version)
                .orElseThrow(() -> new IllegalStateException("flow " + flowId + " v" + version + " is gone"));
    }

    /** The newest published version of the ticket's flow (its own version if none is newer). */
    PublishedFlows.Runtime latest(Transition tx) {
        return this.flows
                .latest(tx.tenantId(), Objects.requireNonNull(tx.row.getFlowId()))
                .orElseGet(() -> runtime(tx));
    }

    /** Steps the ticket's flow; a refusal becomes a 409 naming the node and nothing changes. */
    void step(Transition tx, StepCommand command) {
        PublishedFlows.Runtime runtime = runtime(tx);
        PublishedFlows.Runtime latest = tx.state.status() == FlowState.Status.NOT_STARTED ? runtime : latest(tx);
        StepResult result;
        if (latest.version() > runtime.version()) {
            // Pinned to an older version: the node is finished there, and the ticket moves to the newest
            // version as it leaves it (FlowMoves falls back to the pinned version when it cannot move yet).
            FlowMoves.Crossing crossing =
                    FlowMoves.step(runtime.stepper(), latest.stepper(), latest.mapping(), tx.state, command);
            result = crossing.result();
            if (crossing.moved() && result instanceof StepResult.Applied) {
                tx.changes.put("flowVersion", List.of(runtime.version(), latest.version()));
                tx.row.setFlowVersion(latest.version());
                runtime = latest;
            }
        } else {
            result = runtime.stepper().step(tx.state, command);
        }
        if (result instanceof StepResult.Refused refused) {
            if (refused.refusal().reason() == StepResult.Reason.CONDITION_FAILED
                    || refused.refusal().reason() == StepResult.Reason.FIELD_VALUE) {
                // The data the flow needed does not fit it: the submitter can fix that, so it is a 400.
                throw new ValidationException(
                        "nodes." + refused.refusal().nodeId(), refused.refusal().code());
            }
            throw Refusals.step(refused.refusal());
        }
        apply(tx, runtime, (StepResult.Applied) result);
    }

    void apply(Transition tx, PublishedFlows.Runtime runtime, StepResult.Applied applied) {
        FlowState state = applied.state();
        tx.fields(state.fields());
        Assignments.Context ctx = new Assignments.Context(
                tx.tenantId(), tx.row.getCreatorId(), tx.row.getDepartmentId(), state.fields(), tx.row, state.facts());
        List<TaskRow> planned = TaskPlanner.plan(tx.tasks, state, applied.effects(), this.assignments, ctx, tx.now);
        long tenant = tx.tenantId();
        var at = tx.now;
        for (TaskRow row : planned) {
            if (!tx.tasks.contains(row)) {
                tx.event((id, v) -> new TicketEvent.TicketAssigned(
                        tenant, id, v, at, row.nodeId(), row.userId(), row.roleCode(), row.departmentId()));
            }
        }
        tx.tasks = new ArrayList<>(planned);
        List<String> path = new ArrayList<>();
        for (Effect effect : applied.effects()) {
            switch (effect) {
                case Effect.NodeEntered e -> {
                    path.add(e.nodeId());
                    dev.baton.flow.Node node = runtime.stepper().graph().node(e.nodeId());
                    String type = node.type().name().toLowerCase(Locale.ROOT);
                    // the target travels with the event: the SLA module reads it from the history, whatever
                    // version the ticket runs on later
                    String sla = node instanceof dev.baton.flow.Node.Task task && task.sla() != null
                            ? task.sla().iso()
                            : "";
                    tx.event((id, v) -> new TicketEvent.NodeEntered(tenant, id, v, at, e.nodeId(), type, sla));
                }
                case Effect.NodeCompleted c ->
                    tx.event((id, v) -> new TicketEvent.NodeCompleted(tenant, id, v, at, c.nodeId()));
                case Effect.SetPriority p -> {
                    String old = tx.row.getPriority();
                    if (!old.equals(p.priority().code())) {
                        tx.row.setPriority(p.priority().code());
                        tx.changes.put("priority", List.of(old, p.priority().code()));
                    }
                }
                case Effect.Webhook w ->
                    tx.event((id, v) -> new TicketEvent.AutomationRequested(
                            tenant, id, v, at, w.nodeId(), "webhook", w.url().toString()));
                case Effect.CreateChild c ->
                    tx.event((id, v) -> new TicketEvent.AutomationRequested(
                            tenant, id, v, at, c.nodeId(), "create_child", c.templateCode()));
                case Effect.Notify n ->
                    tx.event((id, v) -> new TicketEvent.AutomationRequested(
                            tenant, id, v, at, n.nodeId(), "notify", n.channel() + ": " + n.message()));
                default -> {}
            }
        }
        if (!path.isEmpty()) {
            tx.changes.put("entered", path);
        }
        tx.state = state;
        if (state.status() == FlowState.Status.COMPLETED) {
            tx.status(TicketStatus.RESOLVED);
            tx.customerStatus(Objects.requireNonNullElse(state.customerStatus(), CustomerStatus.AWAITING_CONFIRMATION));
            tx.tasks = new ArrayList<>();
        } else if (state.status() == FlowState.Status.REJECTED) {
            tx.status(TicketStatus.REJECTED);
            tx.customerStatus(CustomerStatus.DONE);
            tx.tasks = new ArrayList<>();
        }
    }

    /** The name and type of a node of the ticket's flow version, for views. */
    static String nodeType(Node node) {
        return node.type().name().toLowerCase(Locale.ROOT);
    }
}
