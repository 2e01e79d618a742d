package dev.baton.portal.internal;

import dev.baton.platform.NotFoundException;
import dev.baton.ticket.CustomerProgress;
import dev.baton.ticket.TicketOperations;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's progress page, without log-in: the token in the path is the only credential. Every request counts
 * against its address's limit first, so guessing tokens is as slow as reading.
 */
@RestController
@RequestMapping("/public/progress/{token}")
class PublicProgressController {

    private final TicketOperations tickets;
    private final LinkTokens links;
    private final PublicRateLimit limit;

    PublicProgressController(TicketOperations tickets, LinkTokens links, PublicRateLimit limit) {
        this.tickets = tickets;
        this.links = links;
        this.limit = limit;
    }

    /** @param stars 1 to 5; absent is refused like 0 */
    record RatingRequest(@Nullable Integer stars, @Nullable String comment) {}

    @GetMapping
    CustomerProgress get(@PathVariable String token, HttpServletRequest http) {
        return on(token, http, t -> this.tickets.progressForCustomer(t.tenantId(), t.ticketId()));
    }

    @PostMapping("/confirm")
    CustomerProgress confirm(@PathVariable String token, HttpServletRequest http) {
        return on(token, http, t -> this.tickets.confirmByCustomer(t.tenantId(), t.ticketId()));
    }

    @PostMapping("/rating")
    CustomerProgress rate(@PathVariable String token, @RequestBody RatingRequest body, HttpServletRequest http) {
        int stars = body.stars() == null ? 0 : body.stars();
        return on(token, http, t -> this.tickets.rateByCustomer(t.tenantId(), t.ticketId(), stars, body.comment()));
    }

    private CustomerProgress on(
            String token, HttpServletRequest http, Function<LinkTokens.Target, CustomerProgress> act) {
        this.limit.check(http.getRemoteAddr());
        LinkTokens.Target target = this.links.open(token);
        try {
            return act.apply(target);
        } catch (NotFoundException e) {
            // A ticket deleted since the link was made: the same answer as for a bad link, naming no id.
            throw LinkTokens.unknown();
        }
    }
}
