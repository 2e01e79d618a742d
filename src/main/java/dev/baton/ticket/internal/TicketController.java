package dev.baton.ticket.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.ValidationException;
import dev.baton.ticket.ActionRequest;
import dev.baton.ticket.CustomerProgress;
import dev.baton.ticket.NewTicket;
import dev.baton.ticket.TicketAction;
import dev.baton.ticket.TicketOperations;
import dev.baton.ticket.TicketView;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tickets over HTTP. Creating needs {@code ticket.create}; reading needs {@code ticket.read} or being the
 * ticket's creator or handler (checked per ticket); actions are checked per ticket and node.
 */
@RestController
@RequestMapping("/api/v1/tickets")
class TicketController {

    private static final String FIELD_PREFIX = "field.";

    private final TicketOperations tickets;
    private final TicketSearch search;
    private final TicketHistory history;
    private final CustomerActs customerActs;

    TicketController(TicketOperations tickets, TicketSearch search, TicketHistory history, CustomerActs customerActs) {
        this.tickets = tickets;
        this.search = search;
        this.history = history;
        this.customerActs = customerActs;
    }

    /** 201 with the new ticket; 200 with the same ticket when the Idempotency-Key was seen before. */
    @PostMapping
    @PreAuthorize("hasAuthority('ticket.create')")
    ResponseEntity<TicketView> create(
            @RequestBody NewTicket body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        TicketOperations.Created created = this.tickets.create(CurrentUser.require(), body, key);
        return ResponseEntity.status(created.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Idempotency-Replayed", String.valueOf(created.replayed()))
                .body(created.ticket());
    }

    @GetMapping("/{id}")
    TicketView get(@PathVariable long id) {
        return this.tickets.get(CurrentUser.require(), id);
    }

    @PostMapping("/{id}/actions/{action}")
    TicketView act(@PathVariable long id, @PathVariable String action, @RequestBody ActionRequest body) {
        TicketAction parsed = TicketAction.ofCode(action)
                .orElseThrow(() -> new ValidationException("action", "{ticket.action-unknown}"));
        return this.tickets.act(CurrentUser.require(), id, parsed, body);
    }

    @GetMapping("/{id}/events")
    List<TicketHistory.EventView> events(@PathVariable long id) {
        return this.history.events(CurrentUser.require(), id);
    }

    /** The customer-visible progress: six steps and the public timeline. */
    @GetMapping("/{id}/progress")
    ProgressReader.Progress progress(@PathVariable long id) {
        return this.history.progress(CurrentUser.require(), id);
    }

    /** The customer's rating from the progress page; 404 while there is none. */
    @GetMapping("/{id}/rating")
    CustomerProgress.Rating rating(@PathVariable long id) {
        CurrentUser me = CurrentUser.require();
        this.tickets.get(me, id);
        return this.customerActs.rating(me.tenantId(), id).orElseThrow(() -> new NotFoundException("rating", id));
    }

    /** Lists tickets the caller may see; custom fields filter as {@code field.<key>=v}, {@code field.<key>.min=v}. */
    @GetMapping
    PageResult<TicketSearch.Summary> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable List<String> status,
            @RequestParam(required = false) @Nullable Long templateId,
            @RequestParam(required = false) @Nullable String nodeId,
            @RequestParam(required = false) @Nullable Long assigneeId,
            @RequestParam(required = false) @Nullable String queue,
            @RequestParam(required = false) @Nullable Long departmentId,
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable Long creatorId,
            @RequestParam(required = false) @Nullable List<String> source,
            @RequestParam(required = false) @Nullable List<String> priority,
            @RequestParam(required = false) @Nullable String createdFrom,
            @RequestParam(required = false) @Nullable String createdTo,
            @RequestParam(required = false) @Nullable String updatedFrom,
            @RequestParam(required = false) @Nullable String updatedTo,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam Map<String, String> all) {
        PageQuery paging = PageQuery.of(page, size, sort, TicketSearch.SORT_KEYS, "createdAt,desc");
        Map<String, String> fields = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(FIELD_PREFIX) && k.length() > FIELD_PREFIX.length()) {
                fields.put(k.substring(FIELD_PREFIX.length()), v);
            }
        });
        TicketFilter filter = new TicketFilter(
                status == null ? List.of() : status,
                templateId,
                nodeId,
                assigneeId,
                queue,
                departmentId,
                customerId,
                creatorId,
                source == null ? List.of() : source,
                priority == null ? List.of() : priority,
                instant("createdFrom", createdFrom),
                instant("createdTo", createdTo),
                instant("updatedFrom", updatedFrom),
                instant("updatedTo", updatedTo),
                q,
                fields);
        return this.search.search(CurrentUser.require(), filter, paging);
    }

    private static @Nullable Instant instant(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(value)
                        .atStartOfDay(TicketService.NUMBER_ZONE)
                        .toInstant();
            } catch (DateTimeParseException e2) {
                throw new ValidationException(name, "{ticket.filter-instant}");
            }
        }
    }
}
