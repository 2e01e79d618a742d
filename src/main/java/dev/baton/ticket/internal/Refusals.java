package dev.baton.ticket.internal;

import dev.baton.flow.StepResult;
import dev.baton.platform.BatonException;
import dev.baton.platform.ConflictException;
import dev.baton.platform.FieldError;
import dev.baton.platform.ForbiddenException;
import dev.baton.ticket.TicketAction;
import dev.baton.ticket.TicketStatus;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The problems an action is refused with: 409 naming the state, 403 naming the action. */
final class Refusals {

    private Refusals() {}

    /** The ticket's state does not allow the action (e.g. approving a closed ticket). */
    static ConflictException state(TicketStatus status, TicketAction action) {
        return new ConflictException("ticket-state", status.code(), action.code());
    }

    /** The caller is not a handler, approver or holder of a permission that allows the action. */
    static ForbiddenException notYours(TicketAction action) {
        return new ForbiddenException("ticket-not-yours", action.code());
    }

    /** The flow engine refused the step; the error names the node and the engine's reason. */
    static BatonException step(StepResult.Refusal refusal) {
        String field = refusal.nodeId() == null ? "nodeId" : "nodes." + refusal.nodeId();
        return new BatonException(HttpStatus.CONFLICT, "ticket-step", List.of(new FieldError(field, refusal.code())));
    }

    /** No position of the ticket is one the caller can act on with this action. */
    static ConflictException noNode(TicketAction action) {
        return new ConflictException("ticket-no-node", action.code());
    }
}
