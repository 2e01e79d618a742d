package dev.baton.ticket.internal;

import dev.baton.flow.CustomerStatus;
import dev.baton.flow.FieldRule;
import dev.baton.flow.FlowState;
import dev.baton.flow.Node;
import dev.baton.flow.StepCommand;
import dev.baton.flow.TaskAction;
import dev.baton.platform.FieldError;
import dev.baton.platform.OrgDirectory;
import dev.baton.platform.ValidationException;
import dev.baton.template.FieldAccess;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldValues;
import dev.baton.ticket.ActionRequest;
import dev.baton.ticket.TicketAction;
import dev.baton.ticket.TicketEvent;
import dev.baton.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What each action does to a {@link Transition}, after checking that the ticket's state allows it (else
 * 409 naming the state) and that the caller may do it (else 403). Flow actions act on the node named in
 * the request, or on the one position the caller can act on.
 */
@Component
class Actions {

    private static final int MAX_TEXT = 100_000;

    private final FlowSteps steps;
    private final OrgDirectory org;
    private final TicketJson json;

    Actions(FlowSteps steps, OrgDirectory org, TicketJson json) {
        this.steps = steps;
        this.org = org;
        this.json = json;
    }

    void apply(
            Transition tx, TicketAccess.Caller c, TicketAction action, ActionRequest req, List<FieldDefinition> defs) {
        switch (action) {
            case ACCEPT -> accept(tx, c, req);
            case SAVE -> save(tx, c, req, defs, false);
            case SUBMIT -> save(tx, c, req, defs, true);
            case APPROVE, REJECT -> decide(tx, c, req, action == TicketAction.APPROVE);
            case TRANSFER -> transfer(tx, c, req);
            case RETURN -> returnTo(tx, c, req);
            case ADD_HANDLER -> addHandler(tx, c, req);
            case COMMENT -> comment(tx, c, req);
            case URGE -> urge(tx, c, req);
            case SUSPEND -> suspend(tx, c, req);
            case RESUME -> resume(tx, c, req);
            case CLOSE -> close(tx, c, req);
            case REOPEN -> reopen(tx, c, req);
            case CANCEL -> cancel(tx, c, req);
            case RELEASE -> release(tx, c, req);
        }
    }

    /** Whether the action would pass its state and permission checks now (for the buttons a view offers). */
    boolean allowed(Loaded t, TicketAccess.Caller c, TicketAction action) {
        TicketStatus s = t.status();
        boolean active = s == TicketStatus.OPEN || s == TicketStatus.IN_PROGRESS;
        return switch (action) {
            case ACCEPT ->
                active
                        && t.tasks().stream()
                                .anyMatch(r -> r.kind().equals(TaskRow.TASK) && r.userId() == null && c.mayWork(r));
            case SAVE, SUBMIT ->
                active && t.tasks().stream().anyMatch(r -> !r.kind().equals(TaskRow.APPROVAL) && c.mayWork(r));
            case APPROVE, REJECT ->
                active && !approverSlots(t.state(), t.tasks(), c, null).isEmpty();
            case TRANSFER, ADD_HANDLER, RETURN ->
                active
                        && t.tasks().stream()
                                .anyMatch(r ->
                                        r.kind().equals(TaskRow.TASK) && (c.mayWork(r) || c.can(TicketAccess.ASSIGN)));
            case COMMENT -> true;
            case URGE -> s.running();
            case SUSPEND -> active && (isHandler(t, c) || c.can(TicketAccess.ASSIGN));
            case RESUME -> s == TicketStatus.SUSPENDED && (isHandler(t, c) || c.can(TicketAccess.ASSIGN));
            case CLOSE ->
                (s == TicketStatus.RESOLVED && (c.isCreator(t) || c.can(TicketAccess.HANDLE)))
                        || (s.running() && c.can(TicketAccess.ASSIGN));
            case REOPEN ->
                (s == TicketStatus.RESOLVED || s == TicketStatus.CLOSED || s == TicketStatus.REJECTED)
                        && (c.isCreator(t) || c.can(TicketAccess.ASSIGN));
            case CANCEL -> s.running() && (c.can(TicketAccess.ASSIGN) || (c.isCreator(t) && untouched(t)));
            case RELEASE ->
                active
                        && t.tasks().stream()
                                .anyMatch(r -> r.kind().equals(TaskRow.TASK)
                                        && r.userId() != null
                                        && (r.userId().equals(c.me().userId()) || c.can(TicketAccess.ASSIGN)));
        };
    }

    private void accept(Transition tx, TicketAccess.Caller c, ActionRequest req) {
        requireActive(tx, TicketAction.ACCEPT);
        TaskRow row = myRow(tx, c, req, TicketAction.ACCEPT, r -> r.kind().equals(TaskRow.TASK));
        if (row.userId() != null && !row.userId().equals(c.me().userId())) {
            throw Refusals.notYours(TicketAction.ACCEPT);
        }
        tx.nodeId = row.nodeId();
        this.steps.step(tx, new StepCommand.Claim(row.nodeId()));
        claim(tx, c, row);
        tx.status(TicketStatus.IN_PROGRESS);
        if (tx.customerStatus() == CustomerStatus.SUBMITTED) {
            tx.customerStatus(CustomerStatus.ACCEPTED);
        }
    }

    private void save(
            Transition tx, TicketAccess.Caller c, ActionRequest req, List<FieldDefinition> defs, boolean submit) {
        TicketAction action = submit ? TicketAction.SUBMIT : TicketAction.SAVE;
        requireActive(tx, action);
        TaskRow row = myRow(tx, c, req, action, r -> !r.kind().equals(TaskRow.APPROVAL));
        tx.nodeId = row.nodeId();
        Node node = this.steps.runtime(tx).stepper().graph().node(row.nodeId());
        Map<String, FieldRule> rules = node instanceof Node.Task task ? task.fields() : Map.of();
        Map<String, @Nullable Object> submitted = req.fields() == null ? Map.of() : this.json.normalise(req.fields());
        List<FieldError> errors = new ArrayList<>();
        for (String key : submitted.keySet()) {
            FieldRule rule = rules.get(key);
            if (rule == FieldRule.READONLY || rule == FieldRule.HIDDEN) {
                errors.add(new FieldError("fields." + key, "{ticket.field.readonly-here}"));
            }
        }
        FieldAccess.refusedWrites(defs, submitted.keySet(), c.me().roleCodes()).stream()
                .filter(k -> !rules.containsKey(k))
                .forEach(k -> errors.add(new FieldError("fields." + k, "{ticket.field.not-writable}")));
        Map<String, @Nullable Object> merged = new LinkedHashMap<>(tx.fields);
        merged.putAll(submitted);
        FieldValues.validate(defs, merged).stream()
                .filter(e -> submitted.containsKey(e.field()) || submit)
                .forEach(e -> errors.add(new FieldError("fields." + e.field(), e.message())));
        if (submit) {
            rules.forEach((key, rule) -> {
                if (rule == FieldRule.REQUIRED && FieldValues.isEmpty(merged.get(key))) {
                    errors.add(new FieldError("fields." + key, "{field.required}"));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.stream().distinct().toList());
        }
        if (row.userId() == null) {
            claim(tx, c, row);
        }
        tx.fields(submitted);
        text(tx, req.comment(), false);
        if (submit) {
            this.steps.step(tx, new StepCommand.Complete(row.nodeId(), submitted));
            progressed(tx);
        } else if (tx.status() == TicketStatus.OPEN) {
            tx.status(TicketStatus.IN_PROGRESS);
        }
    }

    private void decide(Transition tx, TicketAccess.Caller c, ActionRequest req, boolean approve) {
        TicketAction action = approve ? TicketAction.APPROVE : TicketAction.REJECT;
        requireActive(tx, action);
        List<TaskRow> slots = approverSlots(tx.state, tx.tasks, c, req.nodeId());
        if (slots.isEmpty()) {
            boolean anyApproval = tx.tasks.stream().anyMatch(r -> r.kind().equals(TaskRow.APPROVAL));
            throw anyApproval ? Refusals.notYours(action) : Refusals.noNode(action);
        }
        if (!approve && blank(req.comment())) {
            throw new ValidationException("comment", "{ticket.reason-required}");
        }
        TaskRow slot = slots.getFirst();
        tx.nodeId = slot.nodeId();
        text(tx, req.comment(), false);
        long tenant = tx.tenantId();
        var at = tx.now;
        Long by = c.me().userId();
        String node = slot.nodeId();
        tx.event((id, v) -> new TicketEvent.ApprovalDecided(tenant, id, v, at, node, by, approve));
        this.steps.step(
                tx,
                approve
                        ? new StepCommand.Approve(slot.nodeId(), slot.slot())
                        : new StepCommand.Reject(slot.nodeId(), slot.slot()));
        progressed(tx);
    }

    private void transfer(Transition tx, TicketAccess.Caller c, ActionRequest req) {
        requireActive(tx, TicketAction.TRANSFER);
        TaskRow row = taskFor(tx, c, req, TicketAction.TRANSFER, TaskAction.TRANSFER);
        long target = activeUser(tx, req.targetUserId());
        tx.nodeId = row.nodeId();
        tx.tasks.replaceAll(r -> r.key().equals(row.key()) ? r.handedTo(target, tx.now) : r);
        assigned(tx, row.nodeId(), target, row.userId());
        text(tx, req.comment(), false);
    }

    /**
     * The handler (or a supervisor, or the pool's return timer) gives the task back: it is offered again to the
     * candidates it was offered to — the pool when it was grabbed from there or handed to someone by name.
     */
    private void release(Transition tx, TicketAccess.Caller c, ActionRequest req) {
        requireActive(tx, TicketAction.RELEASE);
        List<TaskRow> claimed = tx.tasks.stream()
                .filter(r -> r.kind().equals(TaskRow.TASK) && r.userId() != null)
                .filter(r -> req.nodeId() == null || r.nodeId().equals(req.nodeId()))
                .toList();
        if (claimed.isEmpty()) {
            throw Refusals.noNode(TicketAction.RELEASE);
        }
        Long me = c.me().userId();
        TaskRow row = claimed.stream()
                .filter(r -> c.can(TicketAccess.ASSIGN) || r.userId().equals(me))
                .findFirst()
                .orElseThrow(() -> Refusals.notYours(TicketAction.RELEASE));
        tx.nodeId = row.nodeId();
        boolean inProgress = tx.state
                .token(row.nodeId())
                .map(t -> t.status() == dev.baton.flow.FlowState.TokenStatus.IN_PROGRESS)
                .orElse(false);
        if (inProgress) {
            // a task handed to someone by name was never claimed: its position is still waiting
            this.steps.step(tx, new StepCommand.Release(row.nodeId()));
        }
        tx.tasks.replaceAll(r -> r.key().equals(row.key()) ? r.released(tx.now) : r);
        tx.changes.put("assignee", java.util.Arrays.asList(row.userId(), null));
        long tenant = tx.tenantId();
        var at = tx.now;
        String node = row.nodeId();
        tx.event((id, v) ->
                new TicketEvent.TicketAssigned(tenant, id, v, at, node, null, row.roleCode(), row.departmentId()));
        text(tx, req.comment(), false);
        boolean anyClaimed = tx.tasks.stream().anyMatch(r -> r.kind().equals(TaskRow.TASK) && r.userId() != null);
        if (!anyClaimed && tx.status() == TicketStatus.IN_PROGRESS) {
            tx.status(TicketStatus.OPEN);
        }
    }

    private void returnTo(Transition tx, TicketAccess.Caller c, ActionRequest req) {
        requireActive(tx, TicketAction.RETURN);
        TaskRow row = taskFor(tx, c, req, TicketAction.RETURN, TaskAction.RETURN);
        if (blank(req.targetNodeId())) {
            throw new ValidationException("targetNodeId", "{ticket.target-node-required}");
        }
        tx.nodeId = row.nodeId();
        text(tx, req.comment(), false);
        this.steps.step(tx, new StepCommand.ReturnTo(row.nodeId(), Objects.requireNonNull(req.targetNodeId())));
        tx.changes.put("returnedTo", Objects.requireNonNull(req.targetNodeId()));
    }

    private void addHandler(Transition tx, TicketAccess.Caller c, ActionRequest req) {
        requireActive(tx, TicketAction.ADD_HANDLER);
        TaskRow row = taskFor(tx, c, req, TicketAction.ADD_HANDLER, TaskAction.ADD_HANDLER);
        long target = activeUser(tx, req.targetUserId());
        boolean already =
                tx.tasks.stream().anyMatch(r -> r.nodeId().equals(row.nodeId()) && Objects.equals(r.userId(), target));
        if (already) {
            throw new ValidationException("targetUserId", "{ticket.already-handler}");
        }
        int slot = TaskRow.CO_HANDLER_SLOTS
                + (int) tx.tasks.stream()
                        .filter(r -> r.nodeId().equals(row.nodeId()) && r.kind().equals(TaskRow.CO))
                        .count();
        tx.nodeId = row.nodeId();
        tx.tasks.add(new TaskRow(row.nodeId(), slot, TaskRow.CO, target, null, null, tx.now));
        assigned(tx, row.nodeId(), target, null);
        text(tx, req.comment(), false);
    }

    private void comment(Transition tx, TicketAccess.Caller c, ActionRequest req) {
        if (blank(req.comment())) {
            throw new ValidationException("comment", "{ticket.comment-required}");
        }
        boolean visible = visibility(req.visibility());
        text(tx, req.comment(), visible);
        Set<Long> mentioned = RichText.mentions(Objects.requireNonNull(tx.body));
        long tenant = tx.tenantId();
        var at = tx.now;
        Long author = c.me().userId();
        tx.event((id, v) -> new TicketEvent.CommentAdded(tenant, id, v, at, author, visible, mentioned));
    }

    private void urge(Transition tx, TicketAccess.Caller c, ActionRequest req) {
        if (!tx.status().running()) {
            throw Refusals.state(tx.status(), TicketAction.URGE);
        }
        text(tx, req.comment(), false);
        long tenant = tx.tenantId();
        var at = tx.now;
        Long by = c.me().userId();
        tx.event((id, v) -> new TicketEvent.TicketUrged(tenant, id, v, at, by));
    }

    private void suspend(Transition tx, TicketAccess.Caller c, ActionRequest req) {
        requireActive(tx, TicketAction.SUSPEND);
        if (!isHandler(tx.before, c) && !c.can(TicketAccess.ASSIGN)) {
            throw Refusals.notYours(TicketAction.SUSPEND);
        }
        reason(tx, req, false);
        tx.status(TicketStatus.SUSPENDED);
    }

    private void resume(Transition tx, TicketAccess.Caller c, ActionRequest req) {
        if (tx.status() != TicketStatus.SUSPENDED) {
            throw Refusals.state(tx.status(), TicketAction.RESUME);
        }
        if (!isHandler(tx.before, c) && !c.can(TicketAccess.ASSIGN)) {
            throw Refusals.notYours(TicketAction.RESUME);
        }
        text(tx, req.comment(), false);
        tx.status(TicketStatus.IN_PROGRESS);
    }

    private void close(Transition tx, TicketAccess.Caller c, ActionRequest req) {
        TicketStatus s = tx.status();
        if (s == TicketStatus.RESOLVED) {
            if (!c.isCreator(tx.before) && !c.can(TicketAccess.HANDLE)) {
                throw Refusals.notYours(TicketAction.CLOSE);
            }
            text(tx, req.comment(), false);
        } else if (s.running()) {
            // Closing unfinished work is a supervisor's call, and needs a reason in the history.
            if (!c.can(TicketAccess.ASSIGN)) {
                throw Refusals.notYours(TicketAction.CLOSE);
            }
            reason(tx, req, false);
        } else {
            throw Refusals.state(s, TicketAction.CLOSE);
        }
        tx.stopWork();
        tx.status(TicketStatus.CLOSED);
        if (tx.customerStatus() != CustomerStatus.RATED) {
            tx.customerStatus(CustomerStatus.DONE);
        }
    }

    private void reopen(Transition tx, TicketAccess.Caller c, ActionRequest req) {
        TicketStatus s = tx.status();
        if (s != TicketStatus.RESOLVED && s != TicketStatus.CLOSED && s != TicketStatus.REJECTED) {
            throw Refusals.state(s, TicketAction.REOPEN);
        }
        if (!c.isCreator(tx.before) && !c.can(TicketAccess.ASSIGN)) {
            throw Refusals.notYours(TicketAction.REOPEN);
        }
        reason(tx, req, false);
        // A reopened ticket runs its flow again from the start, on the newest version, with its current values.
        var latest = this.steps.latest(tx);
        tx.row.setFlowVersion(latest.version());
        tx.tasks = new ArrayList<>();
        tx.state = FlowState.NEW;
        this.steps.step(tx, new StepCommand.Start(tx.fields, tx.before.state().facts()));
        tx.status(TicketStatus.OPEN);
        tx.customerStatus(CustomerStatus.IN_PROGRESS);
    }

    private void cancel(Transition tx, TicketAccess.Caller c, ActionRequest req) {
        if (!tx.status().running()) {
            throw Refusals.state(tx.status(), TicketAction.CANCEL);
        }
        if (!c.can(TicketAccess.ASSIGN) && !(c.isCreator(tx.before) && untouched(tx.before))) {
            throw Refusals.notYours(TicketAction.CANCEL);
        }
        reason(tx, req, true);
        tx.stopWork();
        tx.status(TicketStatus.CANCELLED);
        tx.customerStatus(CustomerStatus.DONE);
    }

    // --- helpers

    private static void requireActive(Transition tx, TicketAction action) {
        TicketStatus s = tx.status();
        if (s != TicketStatus.OPEN && s != TicketStatus.IN_PROGRESS) {
            throw Refusals.state(s, action);
        }
    }

    /** The caller's row for the action: at the requested node, else the only one that fits. */
    private static TaskRow myRow(
            Transition tx,
            TicketAccess.Caller c,
            ActionRequest req,
            TicketAction action,
            java.util.function.Predicate<TaskRow> kind) {
        List<TaskRow> candidates = tx.tasks.stream()
                .filter(kind)
                .filter(r -> req.nodeId() == null || r.nodeId().equals(req.nodeId()))
                .toList();
        if (candidates.isEmpty()) {
            throw Refusals.noNode(action);
        }
        return candidates.stream().filter(c::mayWork).findFirst().orElseThrow(() -> Refusals.notYours(action));
    }

    /** The task row a handler (or a supervisor with {@code ticket.assign}) acts on with a task action. */
    private TaskRow taskFor(
            Transition tx, TicketAccess.Caller c, ActionRequest req, TicketAction action, TaskAction needed) {
        List<TaskRow> tasks = tx.tasks.stream()
                .filter(r -> r.kind().equals(TaskRow.TASK))
                .filter(r -> req.nodeId() == null || r.nodeId().equals(req.nodeId()))
                .toList();
        if (tasks.isEmpty()) {
            throw Refusals.noNode(action);
        }
        boolean supervisor = c.can(TicketAccess.ASSIGN);
        TaskRow row = tasks.stream()
                .filter(r -> supervisor || c.mayWork(r))
                .findFirst()
                .orElseThrow(() -> Refusals.notYours(action));
        Node node = this.steps.runtime(tx).stepper().graph().node(row.nodeId());
        boolean offered = node instanceof Node.Task task && task.actions().contains(needed);
        // The node's allowed actions bind handlers; a supervisor may still transfer or add a handler.
        if (!offered && !(supervisor && needed != TaskAction.RETURN)) {
            throw new dev.baton.platform.ConflictException("ticket-action-not-offered", action.code(), row.nodeId());
        }
        return row;
    }

    private static List<TaskRow> approverSlots(
            FlowState state, List<TaskRow> tasks, TicketAccess.Caller c, @Nullable String nodeId) {
        return tasks.stream()
                .filter(r -> r.kind().equals(TaskRow.APPROVAL))
                .filter(r -> nodeId == null || r.nodeId().equals(nodeId))
                .filter(c::mayWork)
                .filter(r -> state.token(r.nodeId())
                        .map(t -> t.turn().contains(r.slot()))
                        .orElse(false))
                .toList();
    }

    private static void claim(Transition tx, TicketAccess.Caller c, TaskRow row) {
        Long me = c.me().userId();
        if (me == null) {
            return; // an API key acts without becoming the handler
        }
        tx.tasks.replaceAll(r -> r.key().equals(row.key()) ? r.withUser(me) : r);
        assigned(tx, row.nodeId(), me, row.userId());
    }

    private static void assigned(Transition tx, String nodeId, long user, @Nullable Long previous) {
        tx.changes.put("assignee", java.util.Arrays.asList(previous, user));
        long tenant = tx.tenantId();
        var at = tx.now;
        tx.event((id, v) -> new TicketEvent.TicketAssigned(tenant, id, v, at, nodeId, user, null, null));
    }

    /** After someone's work moved the flow: the customer sees it is being handled. */
    private static void progressed(Transition tx) {
        if (tx.status() == TicketStatus.OPEN) {
            tx.status(TicketStatus.IN_PROGRESS);
        }
        CustomerStatus cs = tx.customerStatus();
        if (tx.status().running() && (cs == CustomerStatus.SUBMITTED || cs == CustomerStatus.ACCEPTED)) {
            tx.customerStatus(CustomerStatus.IN_PROGRESS);
        }
    }

    private long activeUser(Transition tx, @Nullable Long target) {
        if (target == null) {
            throw new ValidationException("targetUserId", "{ticket.target-user-required}");
        }
        if (!this.org.isActive(tx.tenantId(), target)) {
            throw new ValidationException("targetUserId", "{ticket.target-user-inactive}");
        }
        return target;
    }

    private static boolean isHandler(Loaded t, TicketAccess.Caller c) {
        return t.tasks().stream().anyMatch(c::mayWork);
    }

    /** Nobody has accepted or decided anything yet: the creator may still withdraw the ticket. */
    private static boolean untouched(Loaded t) {
        return t.status() == TicketStatus.OPEN;
    }

    private static void reason(Transition tx, ActionRequest req, boolean customerVisible) {
        if (blank(req.comment())) {
            throw new ValidationException("comment", "{ticket.reason-required}");
        }
        text(tx, req.comment(), customerVisible);
    }

    private static void text(Transition tx, @Nullable String comment, boolean customerVisible) {
        if (blank(comment)) {
            return;
        }
        if (Objects.requireNonNull(comment).length() > MAX_TEXT) {
            throw new ValidationException("comment", "{ticket.text-too-long}");
        }
        tx.body = RichText.sanitize(comment);
        tx.customerVisible = customerVisible;
    }

    private static boolean visibility(@Nullable String value) {
        if (value == null || value.equals("internal")) {
            return false;
        }
        if (value.equals("public")) {
            return true;
        }
        throw new ValidationException("visibility", "{ticket.visibility}");
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
