package dev.baton.ticket.internal;

import static dev.baton.platform.db.Tables.TICKETS;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.BatonException;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.DurableTimers;
import dev.baton.platform.Messages;
import dev.baton.platform.OwnTransaction;
import dev.baton.template.TemplateCatalog;
import dev.baton.ticket.NewTicket;
import dev.baton.ticket.TicketEvent;
import dev.baton.ticket.TicketOperations;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An automation node's {@code create_child}: a ticket from the named template, created by Baton for the parent's
 * customer, with the parent's title, priority and source, and linked to it ({@code parentId}). The request is
 * relayed inside the event relay's round, so it is only written down there as a durable timer due now; the
 * creation runs on its own, with an idempotency key made of the parent, its version and the node, so a timer that
 * fires twice creates one child. A child that cannot be created (the template is gone, disabled, has no flow or
 * requires fields) is written to the audit log rather than retried: trying again would not change the answer.
 */
@Component
class ChildTickets implements DurableTimers.Handler {

    static final String KIND = "ticket-child";
    private static final Logger log = LoggerFactory.getLogger(ChildTickets.class);

    private final DurableTimers timers;
    private final TicketOperations tickets;
    private final TemplateCatalog templates;
    private final DSLContext db;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate own;
    private final Messages messages;

    ChildTickets(
            DurableTimers timers,
            TicketOperations tickets,
            TemplateCatalog templates,
            DSLContext db,
            AuditTrail audit,
            Clock clock,
            PlatformTransactionManager transactions,
            Messages messages) {
        this.messages = messages;
        this.timers = timers;
        this.tickets = tickets;
        this.templates = templates;
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.own = OwnTransaction.of(transactions);
    }

    @EventListener
    void on(TicketEvent.AutomationRequested e) {
        if (e.kind().equals("create_child")) {
            var request = new Request(e.tenantId(), e.ticketId(), e.ticketVersion(), e.nodeId(), e.detail());
            this.timers.schedule(KIND, request.key(), this.clock.instant());
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(String key) {
        Request r = Request.parse(key);
        var parent = this.db
                .selectFrom(TICKETS)
                .where(TICKETS.TENANT_ID.eq(r.tenantId()), TICKETS.ID.eq(r.parentId()))
                .fetchOne();
        if (parent == null) {
            return;
        }
        Long templateId = this.templates.idOf(r.tenantId(), r.templateCode()).orElse(null);
        if (templateId == null) {
            failed(r, "no template with code " + r.templateCode());
            return;
        }
        CurrentUser baton = new CurrentUser(r.tenantId(), "", null, "system", Set.of(), Set.of(), Set.of(), null);
        NewTicket child = new NewTicket(
                templateId,
                parent.getTitle(),
                null,
                Map.of(),
                parent.getCustomerId(),
                parent.getSource(),
                parent.getPriority(),
                null,
                null);
        long childId;
        try {
            childId = java.util.Objects.requireNonNull(this.own.execute(s -> this.tickets
                    .create(baton, child, r.idempotencyKey())
                    .ticket()
                    .id()));
        } catch (BatonException refused) {
            failed(r, why(refused));
            return;
        }
        int linked = this.db
                .update(TICKETS)
                .set(TICKETS.PARENT_ID, r.parentId())
                // every change of a row names a new version (RecentTickets relies on it)
                .set(TICKETS.VERSION, TICKETS.VERSION.plus(1))
                .where(TICKETS.TENANT_ID.eq(r.tenantId()), TICKETS.ID.eq(childId), TICKETS.PARENT_ID.isNull())
                .execute();
        if (linked > 0) {
            this.audit.recordBySystem(
                    r.tenantId(),
                    "ticket.child.created",
                    "ticket",
                    r.parentId(),
                    parent.getNumber() + " @" + r.nodeId() + " → #" + childId + " (" + r.templateCode() + ")");
        }
    }

    /** The refusal as an administrator reads it: each field and what is wrong with it, in the server's language. */
    private String why(BatonException refused) {
        if (refused.errors().isEmpty()) {
            return refused.type();
        }
        return this.messages.localize(refused.errors()).stream()
                .map(e -> e.field() + " " + e.message())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private void failed(Request r, String why) {
        log.warn("automation {} of ticket {} could not create a child: {}", r.nodeId(), r.parentId(), why);
        this.audit.recordBySystem(r.tenantId(), "ticket.child.failed", "ticket", r.parentId(), r.nodeId() + ": " + why);
    }

    /** One create_child request: the parent at one version, at one node. */
    record Request(long tenantId, long parentId, int version, String nodeId, String templateCode) {

        String key() {
            return this.tenantId + "|" + this.parentId + "|" + this.version + "|" + this.nodeId + "|"
                    + this.templateCode;
        }

        static Request parse(String key) {
            String[] p = key.split("\\|", 5);
            return new Request(Long.parseLong(p[0]), Long.parseLong(p[1]), Integer.parseInt(p[2]), p[3], p[4]);
        }

        String idempotencyKey() {
            return "child:" + this.parentId + ":" + this.version + ":" + this.nodeId;
        }
    }
}
