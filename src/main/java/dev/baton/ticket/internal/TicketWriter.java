package dev.baton.ticket.internal;

import dev.baton.flow.FlowState;
import dev.baton.platform.db.tables.records.TicketsRecord;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldIndex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a {@link Transition}: the guarded row update first (so a stale change writes nothing else), then
 * the changed task rows, the event-log row (carrying the domain events) and, when searchable fields changed, their
 * index rows — in the caller's transaction, or, on PostgreSQL's autocommit path ({@link TicketService#act}), as the
 * one statement that commits itself when the change fits in it, else in a transaction of its own.
 */
@Component
class TicketWriter {

    private final TicketStore store;
    private final TicketJson json;
    private final EventRelay relay;
    private final TransactionTemplate transactions;

    TicketWriter(TicketStore store, TicketJson json, EventRelay relay, TransactionTemplate transactions) {
        this.store = store;
        this.json = json;
        this.relay = relay;
        this.transactions = transactions;
    }

    /** False when the ticket is no longer at the version {@code tx} was built on; nothing was written. */
    boolean write(Transition tx, List<FieldDefinition> defs) {
        int expected = tx.before.row().getVersion();
        if (tx.fieldsChanged) {
            tx.row.setFields(this.json.write(tx.fields));
        }
        if (tx.state != tx.before.state()) {
            storeState(tx.row, tx.state);
            tx.row.setCurrentNodes(currentNodes(tx.state));
        }
        TaskDiff tasks = TaskDiff.of(tx.before.tasks(), tx.tasks);
        if (!tasks.isEmpty()) {
            tx.row.setTasks(this.json.write(tx.tasks));
        }
        tx.row.setUpdatedAt(tx.now);
        int version = expected + 1;
        TicketStore.EventRow event = event(tx, version);
        boolean reindex = tx.fieldsChanged && defs.stream().anyMatch(FieldDefinition::searchable);
        boolean oneStatement = this.store.oneStatementWrites() && PostgresTransition.fits(tasks) && !reindex;
        boolean written;
        if (oneStatement || TransactionSynchronizationManager.isActualTransactionActive()) {
            written = writeNow(tx, defs, expected, tasks, event, reindex);
        } else {
            // More than one statement must never be half-written. The reads before were plain reads, as they would
            // have been inside the transaction (read committed), so only the writes need one.
            written = Boolean.TRUE.equals(
                    this.transactions.execute(s -> writeNow(tx, defs, expected, tasks, event, reindex)));
        }
        if (!written) {
            return false;
        }
        tx.row.setVersion(version);
        announce(event);
        return true;
    }

    private boolean writeNow(
            Transition tx,
            List<FieldDefinition> defs,
            int expected,
            TaskDiff tasks,
            TicketStore.EventRow event,
            boolean reindex) {
        if (this.store.oneStatementWrites() && PostgresTransition.fits(tasks)) {
            if (!this.store.writeTransition(tx, expected, tasks, event)) {
                return false;
            }
        } else {
            if (!this.store.update(tx.row, expected)) {
                return false;
            }
            if (!tasks.isEmpty()) {
                this.store.replaceTasks(tx.tenantId(), tx.ticketId(), tasks);
            }
            this.store.appendEvent(event);
        }
        if (reindex) {
            this.store.rewriteIndex(
                    tx.tenantId(), tx.ticketId(), tx.row.getTemplateId(), FieldIndex.entries(defs, tx.fields));
        }
        return true;
    }

    /**
     * Wakes the event relay for the row's domain events once they are committed: now when the statement that wrote
     * them committed itself, else after the transaction's commit.
     */
    void announce(TicketStore.EventRow event) {
        if (event.domainEvents() != null) {
            this.relay.wakeAfterCommit();
        }
    }

    /**
     * The event-log row, with the domain events it publishes, of a change applied at {@code version}; {@link
     * #announce} it once written.
     */
    TicketStore.EventRow event(Transition tx, int version) {
        String events = null;
        if (!tx.events.isEmpty()) {
            events = this.relay.serialise(
                    tx.events.stream().map(e -> e.make(tx.ticketId(), version)).toList(),
                    tx.tenantId(),
                    tx.ticketId(),
                    version,
                    tx.now);
        }
        return new TicketStore.EventRow(
                tx.tenantId(),
                tx.ticketId(),
                version,
                tx.action,
                tx.actor.userId(),
                tx.nodeId,
                tx.changes.isEmpty() ? null : this.json.write(tx.changes),
                tx.body,
                tx.customerVisible ? "public" : "internal",
                events,
                tx.now);
    }

    /**
     * The state as stored in {@code flow_state}: without the field values, which the {@code fields} column holds, and
     * without the facts, which {@code flow_facts} holds.
     */
    String stateJson(FlowState state) {
        return this.json.write(new FlowState(
                state.status(), state.tokens(), state.joins(), Map.of(), Map.of(), state.customerStatus()));
    }

    /**
     * Puts the state into the row. The facts are set when the flow starts and stay, so {@code flow_facts} is written
     * only when they differ from the row's (at the start, and once for a row from before the column, whose facts
     * leave {@code flow_state} here): an unchanged last column is not logged again by PostgreSQL's row updates.
     */
    void storeState(TicketsRecord row, FlowState state) {
        row.setFlowState(stateJson(state));
        String facts = this.json.write(state.facts());
        if (!facts.equals(row.getFlowFacts())) {
            row.setFlowFacts(facts);
        }
    }

    /**
     * The state of a stored row, with the ticket's field values; a row from before {@code flow_facts} holds its facts
     * in {@code flow_state}.
     */
    FlowState stateOf(TicketsRecord row, Map<String, @Nullable Object> fields) {
        FlowState s = this.json.state(row.getFlowState());
        Map<String, @Nullable Object> facts =
                row.getFlowFacts() == null ? s.facts() : this.json.fields(row.getFlowFacts());
        return new FlowState(s.status(), s.tokens(), s.joins(), new LinkedHashMap<>(fields), facts, s.customerStatus());
    }

    static String currentNodes(FlowState state) {
        return state.tokens().isEmpty()
                ? ","
                : state.tokens().stream().map(FlowState.Token::nodeId).collect(Collectors.joining(",", ",", ","));
    }
}
