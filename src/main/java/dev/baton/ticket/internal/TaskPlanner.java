package dev.baton.ticket.internal;

import dev.baton.flow.Effect;
import dev.baton.flow.FlowState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task rows after a step: rows of nodes entered again are replaced, decided approver slots go, new
 * work gets a row, and rows of nodes that no longer hold a position (completed, returned from, ended) are
 * dropped. Pure apart from the assignee lookups.
 */
final class TaskPlanner {

    private TaskPlanner() {}

    static List<TaskRow> plan(
            List<TaskRow> before,
            FlowState after,
            List<Effect> effects,
            Assignments assignments,
            Assignments.Context ctx,
            Instant now) {
        Map<TaskRow.Key, TaskRow> rows = new LinkedHashMap<>();
        before.forEach(r -> rows.put(r.key(), r));
        for (Effect effect : effects) {
            switch (effect) {
                case Effect.NodeEntered e ->
                    rows.values().removeIf(r -> r.nodeId().equals(e.nodeId()));
                case Effect.AssignmentNeeded a ->
                    put(rows, assignments.resolve(ctx, a.nodeId(), 0, TaskRow.TASK, a.assignee(), now));
                case Effect.ApprovalRequested a ->
                    put(
                            rows,
                            assignments.resolve(
                                    ctx, a.nodeId(), a.approverIndex(), TaskRow.APPROVAL, a.approver(), now));
                case Effect.ApprovalDecided d -> rows.remove(new TaskRow.Key(d.nodeId(), d.approverIndex()));
                default -> {}
            }
        }
        rows.values().removeIf(r -> after.token(r.nodeId()).isEmpty());
        return new ArrayList<>(rows.values());
    }

    private static void put(Map<TaskRow.Key, TaskRow> rows, TaskRow row) {
        rows.put(row.key(), row);
    }
}
