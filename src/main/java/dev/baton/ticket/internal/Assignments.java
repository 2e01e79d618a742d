package dev.baton.ticket.internal;

import dev.baton.flow.Assignee;
import dev.baton.flow.AssigneeResolver;
import dev.baton.flow.AssigneeResolver.Resolution;
import dev.baton.platform.db.tables.records.TicketsRecord;
import dev.baton.ticket.TicketRouting;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns a node's assignee strategy into a task row when the node is entered, through the flow's
 * {@link AssigneeResolver} (the one the sandbox uses for its candidates). A strategy that finds nobody (no
 * leader on the way up, an empty user field, a ticket created by an API key for "creator") puts the work in
 * the pool rather than losing it; {@code rules} asks the {@link TicketRouting} bean (the assignment module),
 * and goes to the pool when there is none.
 */
@Component
class Assignments {

    private final AssigneeResolver resolver;
    private final ObjectProvider<TicketRouting> routing;

    Assignments(AssigneeResolver resolver, ObjectProvider<TicketRouting> routing) {
        this.resolver = resolver;
        this.routing = routing;
    }

    /**
     * What a strategy resolves against: the ticket's creator, their department and the field values, and for
     * the rules the ticket row and its condition facts.
     */
    record Context(
            long tenantId,
            @Nullable Long creatorId,
            @Nullable Long departmentId,
            Map<String, @Nullable Object> fields,
            @Nullable TicketsRecord row,
            Map<String, @Nullable Object> facts) {}

    TaskRow resolve(Context ctx, String nodeId, int slot, String kind, Assignee assignee, Instant now) {
        if (assignee instanceof Assignee.Rules && ctx.row() != null) {
            TicketRouting rules = this.routing.getIfAvailable();
            if (rules != null) {
                // routing may take a round-robin turn, which commits or rolls back with the ticket
                NeedsTransaction.check();
                TicketRouting.Route route = rules.route(request(ctx, ctx.row(), nodeId));
                return new TaskRow(nodeId, slot, kind, route.userId(), route.roleCode(), route.departmentId(), now);
            }
        }
        var on = new AssigneeResolver.Context(ctx.tenantId(), ctx.creatorId(), ctx.departmentId(), ctx.fields());
        return switch (this.resolver.resolve(on, assignee)) {
            case Resolution.Person p -> new TaskRow(nodeId, slot, kind, p.userId(), null, null, now);
            case Resolution.RoleHolders r -> new TaskRow(nodeId, slot, kind, null, r.roleCode(), null, now);
            case Resolution.DepartmentMembers d -> new TaskRow(nodeId, slot, kind, null, null, d.departmentId(), now);
            case Resolution.Nobody n -> new TaskRow(nodeId, slot, kind, null, null, null, now);
        };
    }

    private static TicketRouting.RoutingRequest request(Context ctx, TicketsRecord row, String nodeId) {
        Map<String, @Nullable Object> customer = new LinkedHashMap<>();
        ctx.facts().forEach((k, v) -> {
            if (k.startsWith("customer.")) {
                customer.put(k.substring("customer.".length()), v);
            }
        });
        Object template = ctx.facts().get("ticket.template");
        Object channel = ctx.facts().get("ticket.channel");
        return new TicketRouting.RoutingRequest(
                ctx.tenantId(),
                nodeId,
                row.getTemplateId(),
                template instanceof String s ? s : null,
                row.getSource(),
                channel instanceof String s ? s : null,
                row.getPriority(),
                routingText(row),
                ctx.fields(),
                customer,
                row.getCreatorId(),
                row.getDepartmentId());
    }

    /** Title, description as plain text and chat excerpt: what keyword conditions search. */
    static String routingText(TicketsRecord row) {
        StringBuilder text = new StringBuilder(row.getTitle() == null ? "" : row.getTitle());
        if (row.getDescription() != null) {
            text.append('\n').append(RichText.plainText(row.getDescription()));
        }
        if (row.getChatExcerpt() != null) {
            text.append('\n').append(row.getChatExcerpt());
        }
        return text.toString();
    }
}
