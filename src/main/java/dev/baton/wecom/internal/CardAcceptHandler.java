package dev.baton.wecom.internal;

import static dev.baton.platform.db.Tables.USERS;

import dev.baton.platform.BatonException;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.OwnTransaction;
import dev.baton.platform.PrincipalDirectory;
import dev.baton.ticket.ActionRequest;
import dev.baton.ticket.TicketAction;
import dev.baton.ticket.TicketOperations;
import dev.baton.wecom.CardKeys;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A template-card button press ({@code template_card_event} with a {@link CardKeys} accept key) accepts the ticket
 * as the Baton user whose WeCom id pressed it — refused, like in the app, when the ticket moved on or is not theirs
 * to take.
 */
@Component
class CardAcceptHandler implements CallbackEventHandler {

    private final DSLContext db;
    private final PrincipalDirectory principals;
    private final TicketOperations tickets;
    private final TransactionTemplate own;

    CardAcceptHandler(
            DSLContext db,
            PrincipalDirectory principals,
            TicketOperations tickets,
            PlatformTransactionManager transactions) {
        this.db = db;
        this.principals = principals;
        this.tickets = tickets;
        this.own = OwnTransaction.of(transactions);
    }

    @Override
    public Set<String> events() {
        return Set.of("template_card_event");
    }

    @Override
    public Outcome handle(long tenantId, Map<String, String> fields) {
        var key = CardKeys.parseAccept(fields.getOrDefault("EventKey", ""));
        if (key.isEmpty()) {
            return Outcome.ignored("unknown button " + fields.get("EventKey"));
        }
        String weComUser = fields.getOrDefault("FromUserName", "");
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
            return Outcome.failed("no active Baton user with WeCom id " + weComUser);
        }
        try {
            var accept = key.get();
            var ticket = Objects.requireNonNull(this.own.execute(s -> this.tickets.act(
                    me,
                    accept.ticketId(),
                    TicketAction.ACCEPT,
                    new ActionRequest(accept.version(), accept.nodeId(), null, null, null, null, null))));
            return Outcome.done("accepted " + ticket.number() + " as " + me.name());
        } catch (BatonException refused) {
            return Outcome.failed("accept refused: " + refused.type());
        }
    }
}
