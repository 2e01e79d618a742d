package dev.baton.flow;

import dev.baton.flow.FlowState.Decision;
import dev.baton.flow.FlowState.Token;
import dev.baton.flow.FlowState.TokenStatus;
import dev.baton.flow.internal.Lines;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Moving a running ticket onto a newer version of its flow. A ticket is pinned to the version it started on;
 * once a newer one is published, it finishes the node it is at on its old version and moves as it leaves
 * it: each position goes to the node with the same id in the newer version, or, for a node that version no
 * longer has (or has as a node where nothing waits), to the node the publisher mapped it to. Publishing
 * refuses a version on which a running position would have no place, so a move finds one for every
 * position the ticket module reported.
 *
 * <p>Pure functions, like {@link FlowStepper}: the ticket module stores the results.
 */
public final class FlowMoves {

    private FlowMoves() {}

    /**
     * The state re-expressed on {@code target}. Fields, facts, status and customer status are unchanged.
     *
     * <ul>
     *   <li>Each token goes to the node with the same id or to {@code mapping.get(id)}; see {@link
     *       #destination}. A token that keeps its node and kind keeps its progress; a task token that moves
     *       to another node waits again.
     *   <li>A token that reaches an approval keeps its decisions (and the target's mode) when it came from
     *       an approval with the same mode and number of approvers; otherwise its decisions restart as
     *       {@code PENDING}, one per approver of the target. A token that reaches a task or the start from an
     *       approval waits as a task token.
     *   <li>Positions that cannot wait at the same time on {@code target} are reduced to ones that can: two
     *       on one node become one, and of two on one path (one would reach the other) only the earlier is
     *       kept, so the later node is entered again when the ticket gets there. Of two in different
     *       branches of a condition the one whose node kept its id, else the first, is kept.
     *   <li>Join counters are recomputed, not carried over: each parallel node of {@code target} counts its
     *       branches that hold at least one position (at any depth); parallel nodes without positions have
     *       no counter. This is exactly the step function's own invariant, so a move onto the same graph
     *       changes nothing. A position moved into one branch of a parallel node it never entered does not
     *       start the other branches: the block ends when that branch does.
     * </ul>
     *
     * @param mapping old node id → node id of {@code target}, for nodes {@code target} does not have
     * @throws IllegalArgumentException naming the node when a position has no place (publishing refuses
     *     those)
     */
    public static FlowState move(FlowState state, FlowGraph target, Map<String, String> mapping) {
        return relocate(state, target, mapping).state();
    }

    /**
     * Where a position at {@code nodeId} goes on {@code target}: the node with the same id if a token can
     * wait there (start, task or approval), else the mapped node if a token can wait there; empty when
     * neither holds.
     */
    public static Optional<String> destination(String nodeId, FlowGraph target, Map<String, String> mapping) {
        if (waitsAt(target, nodeId)) {
            return Optional.of(nodeId);
        }
        String mapped = mapping.get(nodeId);
        return mapped != null && waitsAt(target, mapped) ? Optional.of(mapped) : Optional.empty();
    }

    /** Whether {@code graph} has this node and it is one where a token can wait: a start, task or approval. */
    public static boolean waitsAt(FlowGraph graph, String nodeId) {
        Node node = graph.nodes().get(nodeId);
        return node instanceof Node.Start || node instanceof Node.Task || node instanceof Node.Approval;
    }

    /**
     * What a command did to a ticket pinned to an older version.
     *
     * @param result the applied or refused step; when {@code moved}, its state is on the latest version and
     *     its effects start with the move's ({@link Effect.Moved}, and assignments for positions that now
     *     wait at another node, changed kind or restarted their decisions)
     * @param moved whether the ticket is now on the latest version; otherwise it stays on its own version
     */
    public record Crossing(StepResult result, boolean moved) {}

    /**
     * Applies a command to a ticket whose version ({@code pinned}) is older than {@code latest}. The command
     * is decided on the pinned version, on the node the user sees. When it leaves its node there (completes
     * it, returns from it, or ends the flow), the ticket moves: the state <em>before</em> the command is
     * {@linkplain #move moved} onto {@code latest} and the command is applied there to the node the position
     * went to, so the new version decides where the ticket goes next. When the latest version cannot take the
     * command the same way — the node became another kind, its approvers changed so its decisions restarted,
     * the return target is not allowed there, or a position has no place — the ticket stays on its version
     * with the command applied there, and tries again when it next leaves a node. A command that does not
     * leave its node (a claim, one approval of several) and a refused one leave the ticket where it is.
     *
     * @param mapping the mapping stored with the latest version
     */
    public static Crossing step(
            FlowStepper pinned, FlowStepper latest, Map<String, String> mapping, FlowState state, StepCommand command) {
        StepResult onPinned = pinned.step(state, command);
        String nodeId = nodeOf(command);
        if (pinned == latest
                || nodeId == null
                || !(onPinned instanceof StepResult.Applied applied)
                || !leaves(applied, nodeId)) {
            return new Crossing(onPinned, false);
        }
        Relocation moved;
        StepCommand there;
        try {
            moved = relocate(state, latest.graph(), mapping);
            there = retarget(command, latest.graph(), mapping);
        } catch (IllegalArgumentException e) {
            return new Crossing(onPinned, false);
        }
        String target = nodeOf(there);
        StepResult onLatest = latest.step(moved.state(), there);
        if (target == null || !(onLatest instanceof StepResult.Applied done) || !leaves(done, target)) {
            return new Crossing(onPinned, false);
        }
        List<Effect> effects = new ArrayList<>();
        for (Effect e : moved.effects()) {
            // The commanded position leaves its node at once; nobody needs to be asked to work there.
            boolean askedThere = (e instanceof Effect.AssignmentNeeded a
                            && a.nodeId().equals(target))
                    || (e instanceof Effect.ApprovalRequested r && r.nodeId().equals(target));
            if (!askedThere) {
                effects.add(e);
            }
        }
        effects.addAll(done.effects());
        return new Crossing(new StepResult.Applied(done.state(), effects), true);
    }

    private record Relocation(FlowState state, List<Effect> effects) {}

    /** A token on its target node; {@code fresh} when people must be asked anew. */
    private record Placed(Token from, Token token, boolean fresh) {}

    private static Relocation relocate(FlowState state, FlowGraph target, Map<String, String> mapping) {
        List<Placed> placed = new ArrayList<>();
        for (Token token : state.tokens()) {
            String to = destination(token.nodeId(), target, mapping)
                    .orElseThrow(() -> new IllegalArgumentException(noPlace(token.nodeId(), target, mapping)));
            placed.add(place(token, to, target.node(to)));
        }

        // Keep positions that can wait side by side; positions that kept their node win ties.
        Lines lines = new Lines(target);
        List<Integer> order = IntStream.range(0, placed.size())
                .boxed()
                .sorted(Comparator.comparing(i -> moved(placed.get(i))))
                .toList();
        List<Integer> kept = new ArrayList<>();
        for (int i : order) {
            String id = placed.get(i).token().nodeId();
            boolean covered = kept.stream().anyMatch(k -> {
                Lines.Relation r = lines.relation(placed.get(k).token().nodeId(), id);
                return r != Lines.Relation.SIDE_BY_SIDE && r != Lines.Relation.AFTER;
            });
            if (!covered) {
                kept.removeIf(k -> lines.relation(placed.get(k).token().nodeId(), id) == Lines.Relation.AFTER);
                kept.add(i);
            }
        }
        Collections.sort(kept);

        List<Token> tokens = new ArrayList<>();
        Map<String, Set<Integer>> running = new HashMap<>();
        Set<String> occupied = new HashSet<>();
        for (int k : kept) {
            Token token = placed.get(k).token();
            tokens.add(token);
            occupied.add(token.nodeId());
            lines.parallelBranches(token.nodeId())
                    .forEach((block, branch) ->
                            running.computeIfAbsent(block, b -> new HashSet<>()).add(branch));
        }
        Map<String, Integer> joins = new HashMap<>();
        running.forEach((block, branches) -> joins.put(block, branches.size()));

        List<Effect> effects = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            Placed p = placed.get(i);
            String from = p.from().nodeId();
            String to = p.token().nodeId();
            if (!kept.contains(i)) {
                effects.add(new Effect.Moved(from, occupied.contains(to) && !to.equals(from) ? to : null));
                continue;
            }
            if (!to.equals(from)) {
                effects.add(new Effect.Moved(from, to));
            }
            if (p.fresh()) {
                ask(target.node(to), p.token(), effects);
            }
        }
        FlowState moved =
                new FlowState(state.status(), tokens, joins, state.fields(), state.facts(), state.customerStatus());
        return new Relocation(moved, effects);
    }

    private static boolean moved(Placed p) {
        return !p.token().nodeId().equals(p.from().nodeId());
    }

    private static Placed place(Token token, String to, Node node) {
        boolean sameNode = to.equals(token.nodeId());
        if (node instanceof Node.Approval a) {
            if (token.mode() == a.mode()
                    && token.decisions().size() == a.approvers().size()) {
                return new Placed(token, new Token(to, token.status(), a.mode(), token.decisions()), !sameNode);
            }
            List<Decision> pending = Collections.nCopies(a.approvers().size(), Decision.PENDING);
            return new Placed(token, new Token(to, TokenStatus.WAITING, a.mode(), pending), true);
        }
        if (token.mode() == null && sameNode) {
            return new Placed(token, token, false);
        }
        return new Placed(token, Token.task(to), true);
    }

    /** The effects that ask people to work at a position placed anew, as entering the node would. */
    private static void ask(Node node, Token token, List<Effect> effects) {
        switch (node) {
            case Node.Start s -> effects.add(new Effect.AssignmentNeeded(s.id(), new Assignee.Creator()));
            case Node.Task t -> effects.add(new Effect.AssignmentNeeded(t.id(), t.assignee()));
            case Node.Approval a -> {
                for (int i : token.turn()) {
                    effects.add(new Effect.ApprovalRequested(
                            a.id(), i, a.approvers().get(i)));
                }
            }
            default -> throw new IllegalStateException("no token waits at " + node.id());
        }
    }

    private static String noPlace(String nodeId, FlowGraph target, Map<String, String> mapping) {
        String mapped = mapping.get(nodeId);
        if (mapped != null) {
            return "node " + nodeId + " is mapped to " + mapped
                    + ", which is not a start, task or approval of the target";
        }
        return target.nodes().containsKey(nodeId)
                ? "node " + nodeId + " is no longer a start, task or approval and has no mapping"
                : "node " + nodeId + " is not in the target and has no mapping";
    }

    private static StepCommand retarget(StepCommand command, FlowGraph target, Map<String, String> mapping) {
        return switch (command) {
            case StepCommand.Complete c -> new StepCommand.Complete(to(c.nodeId(), target, mapping), c.fields());
            case StepCommand.Approve a -> new StepCommand.Approve(to(a.nodeId(), target, mapping), a.approverIndex());
            case StepCommand.Reject r -> new StepCommand.Reject(to(r.nodeId(), target, mapping), r.approverIndex());
            case StepCommand.ReturnTo r ->
                new StepCommand.ReturnTo(to(r.fromNodeId(), target, mapping), to(r.targetNodeId(), target, mapping));
            case StepCommand.Claim c -> new StepCommand.Claim(to(c.nodeId(), target, mapping));
            case StepCommand.Release r -> new StepCommand.Release(to(r.nodeId(), target, mapping));
            case StepCommand.Start s -> s;
        };
    }

    private static String to(String nodeId, FlowGraph target, Map<String, String> mapping) {
        return destination(nodeId, target, mapping)
                .orElseThrow(() -> new IllegalArgumentException(noPlace(nodeId, target, mapping)));
    }

    private static @Nullable String nodeOf(StepCommand command) {
        return switch (command) {
            case StepCommand.Start s -> null;
            case StepCommand.Claim c -> c.nodeId();
            case StepCommand.Release r -> r.nodeId();
            case StepCommand.Complete c -> c.nodeId();
            case StepCommand.Approve a -> a.nodeId();
            case StepCommand.Reject r -> r.nodeId();
            case StepCommand.ReturnTo r -> r.fromNodeId();
        };
    }

    /** Whether the step took the position off {@code nodeId}: completed it, returned from it, or ended the flow. */
    private static boolean leaves(StepResult.Applied step, String nodeId) {
        return step.state().finished()
                || step.effects().stream()
                        .anyMatch(e -> (e instanceof Effect.NodeCompleted c
                                        && c.nodeId().equals(nodeId))
                                || (e instanceof Effect.Returned r
                                        && r.fromNodeId().equals(nodeId)));
    }
}
