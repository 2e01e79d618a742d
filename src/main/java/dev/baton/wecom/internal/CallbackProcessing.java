package dev.baton.wecom.internal;

import static dev.baton.platform.db.Tables.USERS;
import static dev.baton.platform.db.Tables.WECOM_INBOX;

import dev.baton.platform.BatonException;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.DurableTimers;
import dev.baton.platform.OwnTransaction;
import dev.baton.platform.PrincipalDirectory;
import dev.baton.ticket.ActionRequest;
import dev.baton.ticket.TicketAction;
import dev.baton.ticket.TicketOperations;
import dev.baton.wecom.CardKeys;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through one kept callback. A template-card button press ({@code template_card_event} with an
 * {@link CardKeys} accept key) accepts the ticket as the Baton user whose WeCom id pressed it — refused, like in the
 * app, when the ticket moved on or is not theirs to take; other events are kept but not acted on yet. The outcome is
 * written on the inbox row.
 */
@Component
class CallbackProcessing implements DurableTimers.Handler {

    static final String KIND = "wecom-inbox";

    private final DSLContext db;
    private final PrincipalDirectory principals;
    private final TicketOperations tickets;
    private final Clock clock;
    private final TransactionTemplate own;

    CallbackProcessing(
            DSLContext db,
            PrincipalDirectory principals,
            TicketOperations tickets,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.db = db;
        this.principals = principals;
        this.tickets = tickets;
        this.clock = clock;
        this.own = OwnTransaction.of(transactions);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(String key) {
        String[] p = key.split("\\|");
        long tenantId = Long.parseLong(p[0]);
        long id = Long.parseLong(p[1]);
        var row = this.db.fetchOne(WECOM_INBOX, WECOM_INBOX.TENANT_ID.eq(tenantId), WECOM_INBOX.ID.eq(id));
        if (row == null || !row.getStatus().equals(CallbackInbox.PENDING)) {
            return;
        }
        Map<String, String> fields;
        try {
            fields = CallbackXml.read(row.getPayload());
        } catch (CallbackXml.Unreadable e) {
            finish(tenantId, id, "failed", e.getMessage());
            return;
        }
        String event = fields.getOrDefault("Event", "");
        if (event.equals("template_card_event")) {
            var accept = CardKeys.parseAccept(fields.getOrDefault("EventKey", ""));
            if (accept.isEmpty()) {
                finish(tenantId, id, "ignored", "unknown button " + fields.get("EventKey"));
                return;
            }
            accept(tenantId, id, fields.getOrDefault("FromUserName", ""), accept.get());
        } else {
            finish(tenantId, id, "ignored", "not handled yet: " + row.getMsgType() + "/" + event);
        }
    }

    private void accept(long tenantId, long id, String weComUser, CardKeys.Accept key) {
        Long userId = this.db
                .select(USERS.ID)
                .from(USERS)
                .where(USERS.TENANT_ID.eq(tenantId), USERS.WECOM_USER_ID.eq(weComUser))
                .fetchOptional(USERS.ID)
                .orElse(null);
        CurrentUser me = userId == null
                ? null
                : this.principals.findUser(tenantId, userId).orElse(null);
        if (me == null) {
            finish(tenantId, id, "failed", "no active Baton user with WeCom id " + weComUser);
            return;
        }
        try {
            var ticket = Objects.requireNonNull(this.own.execute(s -> this.tickets.act(
                    me,
                    key.ticketId(),
                    TicketAction.ACCEPT,
                    new ActionRequest(key.version(), key.nodeId(), null, null, null, null, null))));
            finish(tenantId, id, "done", "accepted " + ticket.number() + " as " + me.name());
        } catch (BatonException refused) {
            finish(tenantId, id, "failed", "accept refused: " + refused.type());
        }
    }

    private void finish(long tenantId, long id, String status, String outcome) {
        this.db
                .update(WECOM_INBOX)
                .set(WECOM_INBOX.STATUS, status)
                .set(WECOM_INBOX.OUTCOME, outcome.length() > 1000 ? outcome.substring(0, 1000) : outcome)
                .set(WECOM_INBOX.PROCESSED_AT, this.clock.instant())
                .where(WECOM_INBOX.TENANT_ID.eq(tenantId), WECOM_INBOX.ID.eq(id))
                .execute();
    }
}
