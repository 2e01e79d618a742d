package dev.baton.notify.internal;

import static dev.baton.platform.db.Tables.TICKETS;
import static dev.baton.platform.db.Tables.TICKET_TASKS;

import dev.baton.flow.Node;
import dev.baton.flow.PublishedFlows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * What a notification says about its ticket ({@code ticket.*}, {@code link}) and who works on it now. Read from
 * the {@code tickets} and {@code ticket_tasks} tables through the shared jOOQ classes: these are reads without a
 * caller (the SLA module's timers, the event relay), which {@code TicketOperations} does not offer.
 */
@Component
class TicketFacts {

    private final DSLContext db;
    private final NotifyProperties properties;
    private final PublishedFlows flows;

    TicketFacts(DSLContext db, NotifyProperties properties, PublishedFlows flows) {
        this.db = db;
        this.properties = properties;
        this.flows = flows;
    }

    /** The ticket's variables; empty when the ticket does not exist in the tenant. */
    Optional<Map<String, String>> variables(long tenantId, long ticketId) {
        var r = this.db
                .select(TICKETS.NUMBER, TICKETS.TITLE, TICKETS.PRIORITY, TICKETS.STATUS)
                .from(TICKETS)
                .where(TICKETS.TENANT_ID.eq(tenantId), TICKETS.ID.eq(ticketId))
                .fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        Map<String, String> v = new HashMap<>();
        v.put("ticket.id", String.valueOf(ticketId));
        v.put("ticket.number", r.value1());
        v.put("ticket.title", r.value2());
        v.put("ticket.priority", r.value3());
        v.put("ticket.status", r.value4());
        v.put("link", link(ticketId));
        return Optional.of(v);
    }

    String link(long ticketId) {
        return this.properties.linkBase().replaceAll("/+$", "") + "/tickets/" + ticketId;
    }

    /** The users named on the ticket's waiting tasks (handlers, approvers, co-handlers). */
    List<Long> handlers(long tenantId, long ticketId) {
        return this.db
                .selectDistinct(TICKET_TASKS.USER_ID)
                .from(TICKET_TASKS)
                .where(
                        TICKET_TASKS.TENANT_ID.eq(tenantId),
                        TICKET_TASKS.TICKET_ID.eq(ticketId),
                        TICKET_TASKS.USER_ID.isNotNull())
                .fetch(TICKET_TASKS.USER_ID);
    }

    /**
     * The name the designer gave a node of the ticket's flow, on the version the ticket runs now (published
     * versions are cached); the node id when the node has no name or the ticket no flow.
     */
    String nodeName(long tenantId, long ticketId, String nodeId) {
        var flow = this.db
                .select(TICKETS.FLOW_ID, TICKETS.FLOW_VERSION)
                .from(TICKETS)
                .where(TICKETS.TENANT_ID.eq(tenantId), TICKETS.ID.eq(ticketId))
                .fetchOne();
        if (flow == null || flow.value1() == null || flow.value2() == null) {
            return nodeId;
        }
        return this.flows
                .version(tenantId, flow.value1(), flow.value2())
                .map(r -> r.stepper().graph().nodes().get(nodeId))
                .map(Node::name)
                .filter(name -> !name.isBlank())
                .orElse(nodeId);
    }

    Optional<Long> creator(long tenantId, long ticketId) {
        return Optional.ofNullable(this.db
                .select(TICKETS.CREATOR_ID)
                .from(TICKETS)
                .where(TICKETS.TENANT_ID.eq(tenantId), TICKETS.ID.eq(ticketId))
                .fetchOne(TICKETS.CREATOR_ID));
    }
}
