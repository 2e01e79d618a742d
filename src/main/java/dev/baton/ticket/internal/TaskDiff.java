package dev.baton.ticket.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a change moves a ticket's task rows: the rows that go and the rows that come. The usual step replaces one
 * row by one — a claim names the handler, finishing a node hands its row to the next — which is one update of
 * the row in place.
 */
record TaskDiff(List<TaskRow> gone, List<TaskRow> added) {

    static TaskDiff of(List<TaskRow> before, List<TaskRow> after) {
        Map<TaskRow.Key, TaskRow> old = new HashMap<>();
        before.forEach(r -> old.put(r.key(), r));
        Map<TaskRow.Key, TaskRow> now = new HashMap<>();
        after.forEach(r -> now.put(r.key(), r));
        return new TaskDiff(
                before.stream().filter(r -> !r.equals(now.get(r.key()))).toList(),
                after.stream().filter(r -> !r.equals(old.get(r.key()))).toList());
    }

    boolean isEmpty() {
        return this.gone.isEmpty() && this.added.isEmpty();
    }

    boolean inPlace() {
        return this.gone.size() == 1 && this.added.size() == 1;
    }

    /** Whether a row goes and another with the same key comes (a delete and insert that must not race). */
    boolean replacesKeys() {
        return this.gone.stream()
                .anyMatch(g -> this.added.stream().anyMatch(a -> a.key().equals(g.key())));
    }
}
