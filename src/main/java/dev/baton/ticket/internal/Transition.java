package dev.baton.ticket.internal;

import dev.baton.flow.CustomerStatus;
import dev.baton.flow.FlowState;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.db.tables.records.TicketsRecord;
import dev.baton.ticket.TicketAction;
import dev.baton.ticket.TicketEvent;
import dev.baton.ticket.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One change to a ticket being put together: the new values, the event-log entry describing it (old and
 * new value of everything that changed) and the domain events it will publish. Written by
 * {@link TicketWriter} in one transaction.
 */
final class Transition {

    final Loaded before;
    final TicketsRecord row;
    final CurrentUser actor;
    final String action;
    final Instant now;
    Map<String, @Nullable Object> fields;
    FlowState state;
    List<TaskRow> tasks;

    @Nullable
    String nodeId;

    @Nullable
    String body;

    boolean customerVisible;
    boolean fieldsChanged;
    final Map<String, Object> changes = new LinkedHashMap<>();
    /**
     * Domain events, made once the ticket's id (new tickets get it on insert) and the version after the
     * change are known.
     */
    final List<EventFactory> events = new ArrayList<>();

    interface EventFactory {
        TicketEvent make(long ticketId, int version);
    }

    /**
     * The moment of a change, to the microsecond the database keeps: the state written and the copy this node keeps
     * of it ({@link RecentTickets}) then read alike.
     */
    static Instant now(java.time.Clock clock) {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    Transition(Loaded before, CurrentUser actor, TicketAction action, Instant now) {
        this(before, actor, action.code(), now);
    }

    /** A change under an action code of its own, for acts that are not {@link TicketAction}s (the customer's). */
    Transition(Loaded before, CurrentUser actor, String action, Instant now) {
        this.before = before;
        this.row = before.row().copy();
        this.row.setId(before.row().getId());
        this.row.setTenantId(before.row().getTenantId());
        this.row.changed(false);
        this.actor = actor;
        this.action = action;
        this.now = now;
        this.fields = new LinkedHashMap<>(before.fields());
        this.state = before.state();
        this.tasks = new ArrayList<>(before.tasks());
    }

    long tenantId() {
        return this.row.getTenantId();
    }

    long ticketId() {
        return this.row.getId();
    }

    TicketStatus status() {
        return TicketStatus.valueOf(this.row.getStatus().toUpperCase(Locale.ROOT));
    }

    void status(TicketStatus status) {
        String old = this.row.getStatus();
        if (!old.equals(status.code())) {
            this.row.setStatus(status.code());
            this.changes.put("status", List.of(old, status.code()));
            long tenant = tenantId();
            Instant at = this.now;
            this.events.add((id, v) -> new TicketEvent.TicketStatusChanged(tenant, id, v, at, old, status.code()));
            boolean ended = !status.running() && status != TicketStatus.RESOLVED;
            this.row.setClosedAt(ended ? this.now : null);
            if (ended) {
                this.events.add((id, v) -> new TicketEvent.TicketClosed(tenant, id, v, at, status.code()));
            }
        }
    }

    CustomerStatus customerStatus() {
        return CustomerStatus.valueOf(this.row.getCustomerStatus().toUpperCase(Locale.ROOT));
    }

    void customerStatus(CustomerStatus status) {
        String old = this.row.getCustomerStatus();
        if (!old.equals(status.code())) {
            this.row.setCustomerStatus(status.code());
            this.changes.put("customerStatus", List.of(old, status.code()));
        }
    }

    /** Records the old and new value of every field whose value differs. */
    void fields(Map<String, @Nullable Object> updated) {
        Map<String, List<@Nullable Object>> diff = new LinkedHashMap<>();
        updated.forEach((key, value) -> {
            Object old = this.fields.get(key);
            if (!Objects.equals(old, value)) {
                List<@Nullable Object> pair = new ArrayList<>();
                pair.add(old);
                pair.add(value);
                diff.put(key, pair);
            }
        });
        if (!diff.isEmpty()) {
            this.fields.putAll(updated);
            this.fieldsChanged = true;
            @SuppressWarnings("unchecked")
            Map<String, Object> all =
                    (Map<String, Object>) this.changes.computeIfAbsent("fields", k -> new LinkedHashMap<>());
            all.putAll(diff);
        }
    }

    /** Closing or cancelling unfinished work: no position waits and nobody is asked to work any more. */
    void stopWork() {
        this.state = new FlowState(
                this.state.status(),
                List.of(),
                java.util.Map.of(),
                this.state.fields(),
                this.state.facts(),
                this.state.customerStatus());
        this.tasks = new ArrayList<>();
    }

    void event(EventFactory event) {
        this.events.add(event);
    }
}
