package dev.baton.ticket.internal;

import dev.baton.flow.FlowState;
import dev.baton.platform.db.tables.records.TicketsRecord;
import dev.baton.ticket.TicketStatus;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A ticket as read for an action or a view: the row and its parsed JSON columns. */
record Loaded(TicketsRecord row, Map<String, @Nullable Object> fields, FlowState state, List<TaskRow> tasks) {

    TicketStatus status() {
        return TicketStatus.valueOf(this.row.getStatus().toUpperCase(java.util.Locale.ROOT));
    }
}
