package dev.baton.flow.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.baton.flow.Assignee;
import dev.baton.flow.AssigneeResolver;
import dev.baton.flow.AssigneeResolver.Resolution;
import dev.baton.flow.Effect;
import dev.baton.flow.FlowGraph;
import dev.baton.flow.Node;
import dev.baton.flow.NotifySettings;
import dev.baton.flow.RulesPreview;
import dev.baton.platform.FieldError;
import dev.baton.platform.Messages;
import dev.baton.platform.OrgDirectory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The people side of a sandbox run: for every node entered, who could work on it (through the same
 * {@link AssigneeResolver} that writes real tickets' task rows), and the notifications the node's
 * {@code notify} settings and automations would send. Reads the organisation, writes nothing.
 */
final class SandboxPeople {

    static final int MAX_CANDIDATES = 50;

    private final AssigneeResolver resolver;
    private final OrgDirectory org;
    private final Messages messages;
    private final FlowGraph graph;
    private final long tenantId;
    private final @Nullable Long creatorId;
    private final @Nullable Long departmentId;
    /** A target's deadline (ISO-8601 with offset) when the node is entered now, or null without a calendar. */
    private final Function<String, @Nullable String> dueAt;

    private final Rules rules;

    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, @Nullable String> departments = new HashMap<>();

    SandboxPeople(
            AssigneeResolver resolver,
            OrgDirectory org,
            Messages messages,
            FlowGraph graph,
            AssigneeResolver.Context ctx,
            Function<String, @Nullable String> dueAt,
            Rules rules) {
        this.dueAt = dueAt;
        this.rules = rules;
        this.resolver = resolver;
        this.org = org;
        this.messages = messages;
        this.graph = graph;
        this.tenantId = ctx.tenantId();
        this.creatorId = ctx.creatorId();
        this.departmentId = ctx.departmentId();
    }

    record Result(List<StepView> steps, List<NotificationView> notifications) {}

    /** The routing rules' answer for a node with the run's field values at that point; null without rules. */
    @FunctionalInterface
    interface Rules {
        RulesPreview.@Nullable Preview preview(String nodeId, Map<String, @Nullable Object> values);
    }

    /** Walks the run's effects in order, with the field values as they were at each effect. */
    Result read(List<Effect> effects, Map<String, @Nullable Object> fields) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>(fields);
        List<StepView> steps = new ArrayList<>();
        List<NotificationView> notifications = new ArrayList<>();
        Map<String, Integer> lastStep = new HashMap<>();
        List<Long> asked = new ArrayList<>();
        String askedNode = null;
        for (Effect effect : effects) {
            if (askedNode != null
                    && !(effect instanceof Effect.ApprovalRequested r
                            && r.nodeId().equals(askedNode))) {
                approvalRequested(askedNode, asked, notifications);
                askedNode = null;
                asked = new ArrayList<>();
            }
            switch (effect) {
                case Effect.NodeEntered e -> {
                    lastStep.put(e.nodeId(), steps.size());
                    steps.add(entered(this.graph.node(e.nodeId()), values));
                }
                case Effect.AssignmentNeeded a -> {
                    Resolved who = resolve(a.nodeId(), a.assignee(), values);
                    Integer at = lastStep.get(a.nodeId());
                    if (at != null) {
                        steps.set(at, steps.get(at).handledBy(AssigneeJson.of(a.assignee()), who));
                    }
                    Node node = this.graph.node(a.nodeId());
                    if (node instanceof Node.Task t && t.notifications().sends()) {
                        notifications.add(notification(a.nodeId(), "assigned", t.notifications(), who.userIds()));
                    }
                }
                case Effect.ApprovalRequested r -> {
                    askedNode = r.nodeId();
                    asked.addAll(resolve(r.nodeId(), r.approver(), values).userIds());
                }
                case Effect.SetField s -> values.put(s.fieldKey(), s.value());
                case Effect.Notify n ->
                    notifications.add(new NotificationView(
                            n.nodeId(), "automation", List.of(), List.of(n.channel()), n.message()));
                default -> {}
            }
        }
        if (askedNode != null) {
            approvalRequested(askedNode, asked, notifications);
        }
        return new Result(steps, notifications);
    }

    private void approvalRequested(String nodeId, List<Long> approvers, List<NotificationView> out) {
        if (this.graph.node(nodeId) instanceof Node.Approval a
                && a.notifications().sends()) {
            out.add(notification(nodeId, "approval_requested", a.notifications(), approvers));
        }
    }

    private StepView entered(Node node, Map<String, @Nullable Object> values) {
        String type = node.type().code();
        return switch (node) {
            case Node.Task t -> {
                Resolved who = resolve(t.id(), t.assignee(), values);
                SlaView sla = t.sla() == null
                        ? null
                        : new SlaView(t.sla().iso(), this.dueAt.apply(t.sla().iso()));
                yield new StepView(
                        t.id(),
                        t.name(),
                        type,
                        AssigneeJson.of(t.assignee()),
                        null,
                        null,
                        who.views(),
                        who.total(),
                        who.note(),
                        sla);
            }
            case Node.Approval a -> approval(a, values);
            default -> new StepView(node.id(), node.name(), type, null, null, null, List.of(), 0, null, null);
        };
    }

    /** Every approver slot in order (serial: the order they decide in; all / any: everyone at once). */
    private StepView approval(Node.Approval a, Map<String, @Nullable Object> values) {
        List<ApproverView> approvers = new ArrayList<>();
        List<CandidateView> all = new ArrayList<>();
        int total = 0;
        String note = null;
        for (int slot = 0; slot < a.approvers().size(); slot++) {
            Assignee approver = a.approvers().get(slot);
            Resolved who = resolve(a.id(), approver, values);
            approvers.add(new ApproverView(slot, AssigneeJson.of(approver), who.views(), who.total(), who.note()));
            for (CandidateView c : who.views()) {
                if (all.size() < MAX_CANDIDATES) {
                    all.add(c.inSlot(slot));
                }
            }
            total += who.total();
            note = note == null ? who.note() : note;
        }
        String mode = a.mode().code();
        return new StepView(
                a.id(),
                a.name(),
                a.type().code(),
                null,
                mode,
                approvers,
                all,
                total,
                all.isEmpty() ? note : null,
                null);
    }

    record Resolved(
            List<Long> userIds,
            List<CandidateView> views,
            int total,
            @Nullable String note) {}

    private Resolved resolve(String nodeId, Assignee assignee, Map<String, @Nullable Object> values) {
        var ctx = new AssigneeResolver.Context(this.tenantId, this.creatorId, this.departmentId, values);
        Resolution resolution = this.resolver.resolve(ctx, assignee);
        String note = null;
        if (resolution instanceof Resolution.Nobody n && n.reason() == AssigneeResolver.Reason.RULES) {
            RulesPreview.Preview preview = this.rules.preview(nodeId, values);
            if (preview != null) {
                resolution = preview.resolution();
                note = preview.ruleName() == null
                        ? note("rules_" + preview.outcome())
                        : note("rule").replace("{0}", preview.ruleName()) + note("rules_" + preview.outcome());
            }
        }
        AssigneeResolver.Candidates found = this.resolver.candidates(this.tenantId, resolution, MAX_CANDIDATES);
        if (note != null) {
            // the rules' answer, said in full whether or not it names someone
        } else if (resolution instanceof Resolution.Nobody nobody) {
            note = note(nobody.reason().code());
        } else if (found.total() == 0) {
            note = note("nobody");
        }
        return new Resolved(found.userIds(), views(found.userIds()), found.total(), note);
    }

    private NotificationView notification(String nodeId, String event, NotifySettings notify, List<Long> assignees) {
        Set<Long> to = new LinkedHashSet<>();
        for (String recipient : notify.onEnter()) {
            switch (recipient) {
                case NotifySettings.ASSIGNEE -> to.addAll(assignees);
                case NotifySettings.CREATOR -> {
                    if (this.creatorId != null) {
                        to.add(this.creatorId);
                    }
                }
                default -> to.addAll(this.org.usersWithRole(this.tenantId, recipient, MAX_CANDIDATES));
            }
        }
        List<RecipientView> recipients = new ArrayList<>();
        for (Long id : to) {
            recipients.add(new RecipientView(id, name(id)));
        }
        return new NotificationView(nodeId, event, recipients, notify.channels(), null);
    }

    private List<CandidateView> views(List<Long> userIds) {
        List<Long> unknown =
                userIds.stream().filter(id -> !this.names.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            this.names.putAll(this.org.names(this.tenantId, unknown));
            Map<Long, Long> primary = new HashMap<>();
            for (Long id : unknown) {
                this.org.departmentsOf(this.tenantId, id).stream().findFirst().ifPresent(d -> primary.put(id, d));
            }
            Map<Long, String> departmentNames = this.org.departmentNames(this.tenantId, Set.copyOf(primary.values()));
            for (Long id : unknown) {
                Long d = primary.get(id);
                this.departments.put(id, d == null ? null : departmentNames.get(d));
            }
        }
        return userIds.stream()
                .map(id -> new CandidateView(id, name(id), this.departments.get(id), null))
                .toList();
    }

    private String name(long userId) {
        if (!this.names.containsKey(userId)) {
            this.names.putAll(this.org.names(this.tenantId, List.of(userId)));
        }
        return this.names.getOrDefault(userId, "");
    }

    private String note(String reason) {
        return this.messages
                .localize(List.of(new FieldError("", "{flow.simulate.note." + reason + "}")))
                .getFirst()
                .message();
    }

    /**
     * One node entered, in path order (a node entered again appears again).
     *
     * @param assignee the strategy as written in the definition (tasks and the start after a return)
     * @param mode and {@code approvers}: approval nodes only
     * @param candidates who could work on the node, at most {@value #MAX_CANDIDATES}; for an approval every
     *     slot's approvers in slot order
     * @param candidatesTotal how many there are in all
     * @param candidatesNote why there is nobody, when there is nobody
     * @param sla the node's SLA target, null without one
     */
    record StepView(
            String nodeId,
            String name,
            String type,
            @Nullable Map<String, Object> assignee,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String mode,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            List<ApproverView> approvers,

            List<CandidateView> candidates,
            int candidatesTotal,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String candidatesNote,

            @Nullable SlaView sla) {

        /** The start after a return: waits for whoever the effect names. */
        StepView handledBy(Map<String, Object> strategy, Resolved who) {
            if (this.approvers != null || this.assignee != null) {
                return this;
            }
            return new StepView(
                    this.nodeId,
                    this.name,
                    this.type,
                    strategy,
                    null,
                    null,
                    who.views(),
                    who.total(),
                    who.note(),
                    this.sla);
        }
    }

    record ApproverView(
            int slot,
            Map<String, Object> assignee,
            List<CandidateView> candidates,
            int candidatesTotal,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String candidatesNote) {}

    /**
     * @param department the name of the user's primary department
     * @param slot the approver slot, for approvals
     */
    record CandidateView(
            long userId,
            String name,
            @Nullable String department,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            Integer slot) {

        CandidateView inSlot(int s) {
            return new CandidateView(this.userId, this.name, this.department, s);
        }
    }

    /**
     * @param target the duration as written ({@code PT4H})
     * @param dueAt the deadline on the tenant's business calendar; null until business calendars exist
     */
    record SlaView(String target, @Nullable String dueAt) {}

    /**
     * @param event {@code assigned}, {@code approval_requested} or {@code automation}
     * @param message the automation's text, automations only
     */
    record NotificationView(
            String nodeId,
            String event,
            List<RecipientView> to,
            List<String> channels,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String message) {}

    record RecipientView(long userId, String name) {}
}
