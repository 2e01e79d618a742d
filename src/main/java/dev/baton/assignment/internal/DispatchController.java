package dev.baton.assignment.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.ticket.TicketView;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Manual dispatch, transfer and batch assignment by supervisors ({@code ticket.assign}), each with a reason. */
@RestController
@RequestMapping("/api/v1/assignment")
@PreAuthorize("hasAuthority('ticket.assign')")
class DispatchController {

    private final Dispatching dispatching;

    DispatchController(Dispatching dispatching) {
        this.dispatching = dispatching;
    }

    /** @param expectedVersion the ticket version the caller saw (optional: the current one) */
    record Assign(
            @Nullable Long userId,
            @Nullable String reason,
            @Nullable String nodeId,
            @Nullable Integer expectedVersion) {}

    record Batch(
            @Nullable List<Long> ticketIds,
            @Nullable Long userId,
            @Nullable String reason) {}

    @PostMapping("/tickets/{ticketId}/dispatch")
    TicketView dispatch(@PathVariable long ticketId, @RequestBody Assign body) {
        return this.dispatching.assign(
                CurrentUser.require(),
                ticketId,
                body.userId(),
                body.reason(),
                body.nodeId(),
                body.expectedVersion(),
                "dispatch");
    }

    @PostMapping("/tickets/{ticketId}/transfer")
    TicketView transfer(@PathVariable long ticketId, @RequestBody Assign body) {
        return this.dispatching.assign(
                CurrentUser.require(),
                ticketId,
                body.userId(),
                body.reason(),
                body.nodeId(),
                body.expectedVersion(),
                "transfer");
    }

    @PostMapping("/batch-assign")
    List<Dispatching.Outcome> batch(@RequestBody Batch body) {
        return this.dispatching.batch(CurrentUser.require(), body.ticketIds(), body.userId(), body.reason());
    }
}
