package dev.baton.flow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One node of a flow definition. A definition is a tree: every node leads to its {@link #next()} (the
 * flow ends where it is null), and the branches of a {@link Condition} or {@link Parallel} converge into
 * that node's own {@code next}. The root is a {@link Start}.
 */
public sealed interface Node {

    /** Unique within the definition, {@code [A-Za-z0-9_-]{1,64}}. */
    String id();

    /** Shown in the designer and the ticket history; may be empty for start, condition and end. */
    String name();

    @Nullable
    Node next();

    NodeType type();

    /** The root: where the ticket is submitted. */
    record Start(String id, String name, @Nullable Node next) implements Node {
        @Override
        public NodeType type() {
            return NodeType.START;
        }
    }

    /**
     * Work by one handler.
     *
     * @param fields what the handler may do with each template field; fields not named keep the
     *     template's own permissions
     * @param sla time allowed for the task, null for none
     * @param notifications who is told, and how, when the task is entered (JSON {@code notify})
     */
    record Task(
            String id,
            String name,
            Assignee assignee,
            Map<String, FieldRule> fields,
            @Nullable Sla sla,
            NotifySettings notifications,
            Set<TaskAction> actions,
            @Nullable Node next)
            implements Node {
        public Task {
            fields = Map.copyOf(fields);
            actions = Set.copyOf(actions);
        }

        /** The channels the task's notifications go out on. */
        public List<String> notifyChannels() {
            return this.notifications.channels();
        }

        @Override
        public NodeType type() {
            return NodeType.TASK;
        }
    }

    /**
     * A decision by one or more approvers; {@code approvers} is never empty.
     *
     * @param notifications who is told, and how, when approvers are asked (JSON {@code notify})
     */
    record Approval(
            String id,
            String name,
            ApprovalMode mode,
            List<Assignee> approvers,
            OnReject onReject,
            NotifySettings notifications,
            @Nullable Node next)
            implements Node {
        public Approval {
            approvers = List.copyOf(approvers);
        }

        @Override
        public NodeType type() {
            return NodeType.APPROVAL;
        }
    }

    /**
     * Exclusive choice: the first branch whose {@code when} holds is taken, else the one default
     * branch.
     */
    record Condition(
            String id,
            String name,
            List<Branch> branches,
            @Nullable Node next) implements Node {
        public Condition {
            branches = List.copyOf(branches);
        }

        @Override
        public NodeType type() {
            return NodeType.CONDITION;
        }
    }

    /** Every branch runs; {@code next} starts once all of them have ended. */
    record Parallel(
            String id,
            String name,
            List<Branch> branches,
            @Nullable Node next) implements Node {
        public Parallel {
            branches = List.copyOf(branches);
        }

        @Override
        public NodeType type() {
            return NodeType.PARALLEL;
        }
    }

    /** A step the system takes without a person. */
    record Automation(
            String id,
            String name,
            AutomationAction action,
            @Nullable Node next) implements Node {
        @Override
        public NodeType type() {
            return NodeType.AUTOMATION;
        }
    }

    /**
     * An explicit end. Checks refuse an end with a {@code next}; the field is kept for a uniform tree.
     *
     * @param customerStatus the status the customer sees once the flow ends here, null to leave it
     */
    record End(
            String id,
            String name,
            @Nullable CustomerStatus customerStatus,
            @Nullable Node next) implements Node {
        @Override
        public NodeType type() {
            return NodeType.END;
        }
    }
}
