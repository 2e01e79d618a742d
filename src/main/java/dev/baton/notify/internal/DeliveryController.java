package dev.baton.notify.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.FieldError;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.ValidationException;
import dev.baton.ticket.TicketOperations;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery log. A ticket's deliveries are visible to whoever sees the ticket (the addresses only with
 * {@code notify.manage}); the tenant-wide list of failed and dead deliveries and resending need {@code notify.manage}.
 */
@RestController
class DeliveryController {

    private static final String MANAGE = "hasAuthority('notify.manage')";

    private final Deliveries deliveries;
    private final TicketOperations tickets;

    DeliveryController(Deliveries deliveries, TicketOperations tickets) {
        this.deliveries = deliveries;
        this.tickets = tickets;
    }

    @GetMapping("/api/v1/tickets/{id}/notifications")
    List<Deliveries.View> ofTicket(@PathVariable long id) {
        CurrentUser me = CurrentUser.require();
        // 404 when the ticket is not the caller's to see
        this.tickets.get(me, id);
        List<Deliveries.View> log = this.deliveries.ofTicket(me.tenantId(), id);
        return me.can("notify.manage")
                ? log
                : log.stream().map(Deliveries.View::withoutAddress).toList();
    }

    /** @param status a comma-separated list of {@code pending, sent, failed, dead, merged}; failed and dead by default */
    @GetMapping("/api/v1/notification-deliveries")
    @PreAuthorize(MANAGE)
    PageResult<Deliveries.View> list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        List<String> statuses = status == null || status.isBlank()
                ? List.of(DeliveryStatus.FAILED, DeliveryStatus.DEAD)
                : Arrays.stream(status.split(",")).map(String::trim).toList();
        if (!DeliveryStatus.ALL.containsAll(statuses)) {
            throw new ValidationException(List.of(new FieldError("status", "{notify.delivery.status}")));
        }
        return this.deliveries.list(
                CurrentUser.require().tenantId(),
                statuses,
                PageQuery.of(page, size, sort, Deliveries.SORT_KEYS, "createdAt,desc"));
    }

    @PostMapping("/api/v1/notification-deliveries/{id}/resend")
    @PreAuthorize(MANAGE)
    Deliveries.View resend(@PathVariable long id) {
        return this.deliveries.resend(CurrentUser.require().tenantId(), id);
    }
}
