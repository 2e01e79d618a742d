package dev.baton.ticket.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;

/**
 * The ticket list a handler's inbox shows ({@code GET /api/v1/tickets?queue=mine}, newest first), for the
 * engine benchmark ({@code dev.baton.bench.EngineBench}): {@link TicketSearch} is internal to the ticket module,
 * and a test class in its package can call it without widening the production API.
 */
public final class BenchInbox {

    private final TicketSearch search;

    public BenchInbox(ApplicationContext context) {
        this.search = context.getBean(TicketSearch.class);
    }

    /** The first {@code size} tickets of the caller's "mine" queue, newest first, and the queue's total. */
    public Page mine(CurrentUser me, int size) {
        TicketFilter filter = new TicketFilter(
                List.of(), null, null, null, "mine", null, null, null, List.of(), List.of(), null, null, null, null,
                null, Map.of());
        PageResult<TicketSearch.Summary> page = this.search.search(
                me, filter, PageQuery.of(0, size, "createdAt,desc", TicketSearch.SORT_KEYS, "createdAt,desc"));
        return new Page(page.items().stream().map(TicketSearch.Summary::id).toList(), page.total());
    }

    /** Ticket ids of the page and the total the list reports. */
    public record Page(List<Long> ids, long total) {}
}
