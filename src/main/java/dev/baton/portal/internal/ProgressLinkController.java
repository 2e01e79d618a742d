package dev.baton.portal.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.portal.ProgressLinks;
import dev.baton.ticket.TicketOperations;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff make a progress link for a ticket they can see, to send to its customer. */
@RestController
class ProgressLinkController {

    private final TicketOperations tickets;
    private final ProgressLinks links;

    ProgressLinkController(TicketOperations tickets, ProgressLinks links) {
        this.tickets = tickets;
        this.links = links;
    }

    /** @param url the web app's path of the customer page, relative to the installation's address */
    record LinkView(String url, String token, Instant expiresAt) {}

    @PostMapping("/api/v1/tickets/{id}/progress-link")
    @ResponseStatus(HttpStatus.CREATED)
    LinkView create(@PathVariable long id) {
        CurrentUser me = CurrentUser.require();
        // 404 unless the caller may see the ticket: a link shows no more than its maker can.
        this.tickets.get(me, id);
        ProgressLinks.ProgressLink link = this.links.issue(me.tenantId(), id);
        return new LinkView(link.url(), link.token(), link.expiresAt());
    }
}
