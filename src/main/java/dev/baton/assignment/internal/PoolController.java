package dev.baton.assignment.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.ticket.TicketView;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The pool (工单池): listing and grabbing for handlers ({@code ticket.handle}); settings for {@code assignment.manage}. */
@RestController
@RequestMapping("/api/v1/assignment/pool")
class PoolController {

    private final Pool pool;
    private final PoolSettings settings;

    PoolController(Pool pool, PoolSettings settings) {
        this.settings = settings;
        this.pool = pool;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ticket.handle')")
    PageResult<PoolTicket> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return this.pool.list(
                CurrentUser.require().tenantId(), PageQuery.of(page, size, sort, Pool.SORT_KEYS, "waitingSince,asc"));
    }

    /** 抢单: 200 with the ticket now the caller's, or 409 {@code pool-ticket-taken} / a limit. */
    @PostMapping("/{ticketId}/grab")
    @PreAuthorize("hasAuthority('ticket.handle')")
    TicketView grab(@PathVariable long ticketId) {
        return this.pool.grab(CurrentUser.require(), ticketId);
    }

    @GetMapping("/settings")
    @PreAuthorize("hasAuthority('assignment.manage')")
    PoolSettingsView settings() {
        return this.settings.settings(CurrentUser.require().tenantId());
    }

    @PutMapping("/settings")
    @PreAuthorize("hasAuthority('assignment.manage')")
    PoolSettingsView save(@RequestBody PoolSettingsView cmd) {
        return this.settings.saveSettings(CurrentUser.require().tenantId(), cmd);
    }
}
