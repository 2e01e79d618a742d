package dev.baton.assignment.internal;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.BatonException;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.FieldError;
import dev.baton.platform.ValidationException;
import dev.baton.ticket.ActionRequest;
import dev.baton.ticket.TicketAction;
import dev.baton.ticket.TicketOperations;
import dev.baton.ticket.TicketView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Supervisors giving work to a person by hand: dispatch (from the pool or a candidate group), transfer (from one
 * handler to another) and batch assignment. Each goes through the ticket's own {@code transfer} (so the ticket's
 * history and events show it) and writes an audit entry with the reason, in the same transaction.
 */
@Service
class Dispatching {

    static final int MAX_BATCH = 100;

    private final TicketOperations tickets;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    Dispatching(TicketOperations tickets, AuditTrail audit, PlatformTransactionManager transactions) {
        this.tickets = tickets;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * @param kind {@code dispatch}, {@code transfer} or {@code batch} (the audit action names it)
     * @param expectedVersion the version the caller saw; null takes the current one (batch)
     */
    TicketView assign(
            CurrentUser me,
            long ticketId,
            @Nullable Long userId,
            @Nullable String reason,
            @Nullable String nodeId,
            @Nullable Integer expectedVersion,
            String kind) {
        checkInput(userId, reason);
        return Objects.requireNonNull(this.transactions.execute(s -> {
            int version = expectedVersion != null
                    ? expectedVersion
                    : this.tickets.get(me, ticketId).version();
            TicketView view = this.tickets.act(
                    me,
                    ticketId,
                    TicketAction.TRANSFER,
                    new ActionRequest(version, nodeId, null, reason, null, userId, null));
            this.audit.record(
                    "assignment." + kind,
                    "ticket",
                    ticketId,
                    view.number() + " → user " + userId + ": " + reason.strip());
            return view;
        }));
    }

    private static void checkInput(@Nullable Long userId, @Nullable String reason) {
        List<FieldError> errors = new ArrayList<>();
        if (userId == null) {
            errors.add(new FieldError("userId", "{validation.required}"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "{assignment.reason.required}"));
        } else if (reason.length() > 500) {
            errors.add(new FieldError("reason", "{assignment.text.too-long}"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** One ticket's outcome in a batch: {@code status} 200, or the problem's status and type. */
    record Outcome(
            long ticketId,
            int status,
            @Nullable String type,
            @Nullable Integer version) {}

    /** Each ticket in its own transaction, so one refusal does not undo the others. */
    List<Outcome> batch(
            CurrentUser me, @Nullable List<Long> ticketIds, @Nullable Long userId, @Nullable String reason) {
        if (ticketIds == null || ticketIds.isEmpty()) {
            throw new ValidationException("ticketIds", "{validation.required}");
        }
        if (ticketIds.size() > MAX_BATCH) {
            throw new ValidationException("ticketIds", "{assignment.values.too-many}");
        }
        checkInput(userId, reason);
        List<Outcome> outcomes = new ArrayList<>();
        for (long id : new LinkedHashSet<>(ticketIds)) {
            try {
                TicketView v = assign(me, id, userId, reason, null, null, "batch");
                outcomes.add(new Outcome(id, 200, null, v.version()));
            } catch (BatonException e) {
                outcomes.add(new Outcome(id, e.status().value(), e.type(), null));
            }
        }
        return outcomes;
    }
}
