package dev.baton.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a running flow stands, as plain data the ticket module can store as JSON: the active positions, the
 * join counters of running parallel blocks, and the values conditions read. Immutable; {@link FlowStepper}
 * makes new states from old ones.
 *
 * @param tokens the active positions, one per task, approval or (after a return to it) start node that
 *     waits for people; a node holds at most one token
 * @param joins for each running parallel node, how many of its branches are still running
 * @param fields the ticket's field values by key (String, Number, Boolean, List, Map or null, as parsed
 *     from JSON), updated by task submissions and {@code set_field} automations
 * @param facts the {@code ticket.*} and {@code customer.*} values conditions read, by their dotted names
 * @param customerStatus the status of the explicit end the flow finished at; null otherwise
 */
public record FlowState(
        Status status,
        List<Token> tokens,
        Map<String, Integer> joins,
        Map<String, @Nullable Object> fields,
        Map<String, @Nullable Object> facts,
        @Nullable CustomerStatus customerStatus) {

    /** A flow that has not been started. */
    public static final FlowState NEW =
            new FlowState(Status.NOT_STARTED, List.of(), Map.of(), Map.of(), Map.of(), null);

    public enum Status {
        NOT_STARTED,
        RUNNING,
        /** Reached an end node or the end of the main line. */
        COMPLETED,
        /** An approver rejected and the approval's {@code onReject} is {@code end}. */
        REJECTED
    }

    /** A task's progress; approvals wait until their first decision and are in progress after it. */
    public enum TokenStatus {
        WAITING,
        IN_PROGRESS
    }

    /** One approver's say on an approval node. */
    public enum Decision {
        PENDING,
        APPROVED,
        REJECTED
    }

    /**
     * An active position.
     *
     * @param mode the approval mode; null for a task or start token
     * @param decisions one per approver, in the order of the node's {@code approvers}; empty for a task
     */
    public record Token(
            String nodeId, TokenStatus status, @Nullable ApprovalMode mode, List<Decision> decisions) {
        public Token {
            decisions = List.copyOf(decisions);
        }

        public static Token task(String nodeId) {
            return new Token(nodeId, TokenStatus.WAITING, null, List.of());
        }

        /** The same token with approver {@code index} decided. */
        public Token decide(int index, Decision decision) {
            List<Decision> copy = new ArrayList<>(this.decisions);
            copy.set(index, decision);
            return new Token(this.nodeId, TokenStatus.IN_PROGRESS, this.mode, copy);
        }

        /**
         * The approvers that may decide now: the first pending one for {@code serial}, every pending one
         * otherwise.
         */
        public List<Integer> turn() {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < this.decisions.size(); i++) {
                if (this.decisions.get(i) == Decision.PENDING) {
                    open.add(i);
                    if (this.mode == ApprovalMode.SERIAL) {
                        break;
                    }
                }
            }
            return open;
        }
    }

    public FlowState {
        tokens = List.copyOf(tokens);
        joins = Map.copyOf(joins);
        // Field values may be JSON null, which Map.copyOf refuses; insertion order is kept for stable JSON.
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public boolean finished() {
        return this.status == Status.COMPLETED || this.status == Status.REJECTED;
    }

    /** The token at this node, if the node is active. */
    public Optional<Token> token(String nodeId) {
        return this.tokens.stream().filter(t -> t.nodeId().equals(nodeId)).findFirst();
    }
}
