package dev.baton.flow;

import static dev.baton.flow.FlowFixtures.after;
import static dev.baton.flow.Run.approval;
import static dev.baton.flow.Run.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.flow.FlowState.Decision;
import dev.baton.flow.FlowState.Token;
import dev.baton.flow.FlowState.TokenStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowMovesTest {

    private static final String END = "{\"action\": \"end\"}";

    private static String parallel(String id, String next, String... branches) {
        StringBuilder json =
                new StringBuilder("{\"id\": \"" + id + "\", \"type\": \"parallel\", \"name\": \"p\", \"branches\": [");
        for (int i = 0; i < branches.length; i++) {
            json.append(i == 0 ? "" : ", ")
                    .append("{\"name\": \"b")
                    .append(i)
                    .append("\", \"next\": ")
                    .append(branches[i])
                    .append('}');
        }
        return json.append(']')
                .append(next.isEmpty() ? "" : ", \"next\": " + next)
                .append('}')
                .toString();
    }

    /** A run that continues on {@code target} from {@code state} moved there. */
    private static Run movedOnto(Run target, FlowState state, Map<String, String> mapping) {
        target.state = FlowMoves.move(state, target.stepper.graph(), mapping);
        return target;
    }

    @Test
    void aPositionAtANodeTheNewVersionKeepsKeepsItsProgressAndGoesOnByTheNewVersion() {
        Run old = Run.started(after(task("t", "")), Map.of("amount", 7.0)).ok(new StepCommand.Claim("t"));

        Run moved = movedOnto(Run.of(after(task("t", task("checked", "")))), old.state, Map.of());

        assertThat(moved.state.tokens()).containsExactly(new Token("t", TokenStatus.IN_PROGRESS, null, List.of()));
        assertThat(moved.state.fields()).containsEntry("amount", 7.0);
        assertThat(moved.state.status()).isEqualTo(FlowState.Status.RUNNING);
        moved.ok(new StepCommand.Complete("t"));
        assertThat(moved.active()).containsExactly("checked");
        assertThat(moved.last).contains(new Effect.NodeEntered("checked"));
    }

    @Test
    void aPositionAtARemovedNodeGoesWhereTheMappingSaysAndWaitsThereAgain() {
        Run old = Run.started(after(task("a", task("b", ""))), Map.of()).ok(new StepCommand.Claim("a"));
        Run next = Run.of(after(task("c", task("b", ""))));

        Run moved = movedOnto(next, old.state, Map.of("a", "c"));

        assertThat(moved.state.tokens()).containsExactly(Token.task("c"));
        moved.ok(new StepCommand.Complete("c"));
        assertThat(moved.active()).containsExactly("b");
    }

    @Test
    void aPositionWithNoPlaceIsRefusedNamingItsNode() {
        FlowState atA = Run.started(after(task("a", "")), Map.of()).state;
        FlowGraph next = Run.of(after(task(
                        "c",
                        "{\"id\": \"tell\", \"type\": \"automation\", \"name\": \"n\","
                                + " \"action\": \"notify\", \"channel\": \"sms\", \"message\": \"hi\"}")))
                .stepper
                .graph();

        assertThatThrownBy(() -> FlowMoves.move(atA, next, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node a ");
        assertThatThrownBy(() -> FlowMoves.move(atA, next, Map.of("a", "nowhere")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("node a ")
                .hasMessageContaining("nowhere");
        assertThatThrownBy(() -> FlowMoves.move(atA, next, Map.of("a", "tell")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tell");
        assertThat(FlowMoves.destination("a", next, Map.of("a", "c"))).contains("c");
        assertThat(FlowMoves.destination("tell", next, Map.of())).isEmpty();
    }

    @Test
    void aTaskThatBecameAnApprovalAsksEveryApproverAndAnApprovalThatBecameATaskWaits() {
        FlowState atTask = Run.started(after(task("x", "")), Map.of()).ok(new StepCommand.Claim("x")).state;
        Run asApproval = movedOnto(Run.of(after(approval("x", "all", 2, END, ""))), atTask, Map.of());
        assertThat(asApproval.state.tokens())
                .containsExactly(new Token(
                        "x", TokenStatus.WAITING, ApprovalMode.ALL, List.of(Decision.PENDING, Decision.PENDING)));
        asApproval.ok(new StepCommand.Approve("x", 1)).ok(new StepCommand.Approve("x", 0));
        assertThat(asApproval.state.status()).isEqualTo(FlowState.Status.COMPLETED);

        FlowState halfApproved = Run.started(after(approval("y", "serial", 2, END, "")), Map.of())
                .ok(new StepCommand.Approve("y", 0))
                .state;
        Run asTask = movedOnto(Run.of(after(task("y", ""))), halfApproved, Map.of());
        assertThat(asTask.state.tokens()).containsExactly(Token.task("y"));
        asTask.ok(new StepCommand.Complete("y"));
        assertThat(asTask.state.finished()).isTrue();
    }

    @Test
    void approvalDecisionsCarryOverOnlyWhileModeAndNumberOfApproversStay() {
        FlowState oneOfTwo = Run.started(after(approval("y", "all", 2, END, "")), Map.of())
                .ok(new StepCommand.Approve("y", 0))
                .state;

        Token same = FlowMoves.move(
                        oneOfTwo,
                        Run.of(after(approval("y", "all", 2, END, task("t", ""))))
                                .stepper
                                .graph(),
                        Map.of())
                .tokens()
                .getFirst();
        Token moreApprovers = FlowMoves.move(
                        oneOfTwo,
                        Run.of(after(approval("y", "all", 3, END, ""))).stepper.graph(),
                        Map.of())
                .tokens()
                .getFirst();
        Token otherMode = FlowMoves.move(
                        oneOfTwo,
                        Run.of(after(approval("y", "any", 2, END, ""))).stepper.graph(),
                        Map.of())
                .tokens()
                .getFirst();

        assertThat(same).isEqualTo(oneOfTwo.tokens().getFirst());
        assertThat(moreApprovers.decisions()).containsExactly(Decision.PENDING, Decision.PENDING, Decision.PENDING);
        assertThat(moreApprovers.status()).isEqualTo(TokenStatus.WAITING);
        assertThat(otherMode.mode()).isEqualTo(ApprovalMode.ANY);
        assertThat(otherMode.decisions()).containsExactly(Decision.PENDING, Decision.PENDING);
    }

    @Test
    void joinCountersCountTheBranchesThatHoldPositionsAndBranchesNeverEnteredDoNotRun() {
        Run old = Run.started(after(parallel("p", task("f", ""), task("a", ""), task("b", ""))), Map.of());
        assertThat(old.state.joins()).containsExactly(Map.entry("p", 2));

        Run moved = movedOnto(
                Run.of(after(parallel("p", task("f", ""), task("a", task("a2", "")), task("b", ""), task("c", "")))),
                old.state,
                Map.of());

        assertThat(moved.state.joins()).containsExactly(Map.entry("p", 2));
        moved.ok(new StepCommand.Complete("a")).ok(new StepCommand.Complete("a2"));
        assertThat(moved.state.joins()).containsExactly(Map.entry("p", 1));
        moved.ok(new StepCommand.Complete("b"));
        assertThat(moved.active()).containsExactly("f");
        assertThat(moved.path()).doesNotContain("c");
    }

    @Test
    void aPositionMovedIntoOneBranchOfAParallelNodeEndsTheBlockWithThatBranch() {
        FlowState atT = Run.started(after(task("t", task("f", ""))), Map.of()).state;

        Run moved = movedOnto(Run.of(after(parallel("p", task("f", ""), task("t", ""), task("u", "")))), atT, Map.of());

        assertThat(moved.state.joins()).containsExactly(Map.entry("p", 1));
        moved.ok(new StepCommand.Complete("t"));
        assertThat(moved.active()).containsExactly("f");
        assertThat(moved.state.joins()).isEmpty();
    }

    @Test
    void positionsMovedOutOfAParallelNodeDropItsCounterAndTheLaterOfTwoOnOnePathIsReachedAgain() {
        Run old = Run.started(
                        after(parallel("p", task("f", ""), task("a", ""), task("b", ""), task("c", ""))), Map.of())
                .ok(new StepCommand.Complete("c"));
        assertThat(old.state.joins()).containsExactly(Map.entry("p", 2));

        Run moved = movedOnto(Run.of(after(task("a", task("b", task("f", ""))))), old.state, Map.of());

        assertThat(moved.active()).containsExactly("a");
        assertThat(moved.state.joins()).isEmpty();
        moved.ok(new StepCommand.Complete("a"));
        assertThat(moved.active()).containsExactly("b");
        moved.ok(new StepCommand.Complete("b"));
        assertThat(moved.active()).containsExactly("f");
    }

    @Test
    void twoPositionsMappedToOneNodeBecomeOneAndTheOneThatKeptItsNodeWinsInExclusiveBranches() {
        FlowState ab = Run.started(after(parallel("p", "", task("a", ""), task("b", ""))), Map.of()).state;

        FlowState merged =
                FlowMoves.move(ab, Run.of(after(task("m", ""))).stepper.graph(), Map.of("a", "m", "b", "m"));
        assertThat(merged.tokens()).containsExactly(Token.task("m"));
        assertThat(merged.joins()).isEmpty();

        String conditionOfAOrB = """
                {"id": "c", "type": "condition", "branches": [
                  {"name": "x", "when": "fields.amount > 5000", "next": %s},
                  {"name": "y", "default": true, "next": %s}]}""".formatted(task("z", ""), task("b", ""));
        FlowState exclusive =
                FlowMoves.move(ab, Run.of(after(conditionOfAOrB)).stepper.graph(), Map.of("a", "z"));
        assertThat(exclusive.tokens()).containsExactly(Token.task("b"));
    }

    @Test
    void nestedParallelBlocksCountTheirOwnBranches() {
        String inner = parallel("q", "", task("a", ""), task("b", ""));
        Run old = Run.started(after(parallel("p", task("f", ""), inner, task("c", ""))), Map.of());
        assertThat(old.state.joins()).containsOnly(Map.entry("p", 2), Map.entry("q", 2));

        String reordered = parallel("q", "", task("b", ""), task("x", ""), task("a", ""));
        Run moved =
                movedOnto(Run.of(after(parallel("p", task("f", ""), task("c", ""), reordered))), old.state, Map.of());

        assertThat(moved.state.joins()).containsOnly(Map.entry("p", 2), Map.entry("q", 2));
        moved.ok(new StepCommand.Complete("a")).ok(new StepCommand.Complete("b"));
        assertThat(moved.active()).containsExactly("c");
        moved.ok(new StepCommand.Complete("c"));
        assertThat(moved.active()).containsExactly("f");
    }

    // --- step: a command on a ticket pinned to an older version ---

    @Test
    void aCommandThatLeavesItsNodeMovesTheTicketAndTheNewVersionDecidesWhereItGoes() {
        Run v1 = Run.started(after(task("t", "")), Map.of());
        FlowStepper v2 = Run.of(after(task("t", task("checked", "")))).stepper;

        FlowMoves.Crossing claimed = FlowMoves.step(v1.stepper, v2, Map.of(), v1.state, new StepCommand.Claim("t"));
        assertThat(claimed.moved()).isFalse();
        assertThat(claimed.result().state().tokens().getFirst().status()).isEqualTo(TokenStatus.IN_PROGRESS);

        FlowMoves.Crossing done = FlowMoves.step(
                v1.stepper,
                v2,
                Map.of(),
                claimed.result().state(),
                new StepCommand.Complete("t", Map.of("amount", 1.0)));
        assertThat(done.moved()).isTrue();
        assertThat(done.result()).isInstanceOf(StepResult.Applied.class);
        assertThat(done.result().state().tokens()).containsExactly(Token.task("checked"));
        assertThat(done.result().state().fields()).containsEntry("amount", 1.0);
        assertThat(((StepResult.Applied) done.result()).effects())
                .containsSubsequence(new Effect.NodeCompleted("t"), new Effect.NodeEntered("checked"));
    }

    @Test
    void aMovedTicketIsToldWhichPositionsWentWhereAndWhoMustBeAsked() {
        Run v1 = Run.started(after(parallel("p", "", task("a", ""), task("b", ""))), Map.of());
        FlowStepper v2 = Run.of(
                        after(parallel("p", task("f", ""), task("a2", ""), approval("b2", "serial", 2, END, ""))))
                .stepper;

        FlowMoves.Crossing crossing =
                FlowMoves.step(v1.stepper, v2, Map.of("a", "a2", "b", "b2"), v1.state, new StepCommand.Complete("a"));

        assertThat(crossing.moved()).isTrue();
        List<Effect> effects = ((StepResult.Applied) crossing.result()).effects();
        assertThat(effects)
                .containsSubsequence(
                        new Effect.Moved("a", "a2"),
                        new Effect.Moved("b", "b2"),
                        new Effect.ApprovalRequested("b2", 0, new Assignee.Creator()),
                        new Effect.NodeCompleted("a2"));
        assertThat(effects)
                .noneMatch(e ->
                        e instanceof Effect.AssignmentNeeded a && a.nodeId().equals("a2"));
        assertThat(effects).doesNotContain(new Effect.ApprovalRequested("b2", 1, new Assignee.Creator()));
        assertThat(crossing.result().state().tokens()).extracting(Token::nodeId).containsExactly("b2");
        assertThat(crossing.result().state().joins()).containsExactly(Map.entry("p", 1));
    }

    @Test
    void whenTheNewVersionCannotTakeTheCommandTheTicketFinishesItOnItsOwnVersion() {
        Run v1 = Run.started(after(approval("y", "all", 1, END, task("t", ""))), Map.of());
        FlowStepper v2 = Run.of(after(approval("y", "all", 2, END, task("t", "")))).stepper;

        FlowMoves.Crossing approved =
                FlowMoves.step(v1.stepper, v2, Map.of(), v1.state, new StepCommand.Approve("y", 0));

        assertThat(approved.moved()).isFalse();
        assertThat(approved.result().state()).isEqualTo(v1.ok(new StepCommand.Approve("y", 0)).state);
        assertThat(approved.result().state().tokens()).containsExactly(Token.task("t"));
    }

    @Test
    void aRefusedCommandLeavesTheTicketAloneAndALeavingOneFollowsTheNewVersionsRules() {
        Run v1 = Run.started(after(approval("y", "any", 1, END, "")), Map.of());
        String backToStart = "{\"action\": \"return\", \"targetNodeId\": \"s\"}";
        FlowStepper v2 = Run.of(after(approval("y", "any", 1, backToStart, task("t", "")))).stepper;

        FlowMoves.Crossing refused = FlowMoves.step(v1.stepper, v2, Map.of(), v1.state, new StepCommand.Complete("y"));
        FlowMoves.Crossing rejected =
                FlowMoves.step(v1.stepper, v2, Map.of(), v1.state, new StepCommand.Reject("y", 0));

        assertThat(refused.moved()).isFalse();
        assertThat(refused.result()).isInstanceOf(StepResult.Refused.class);
        assertThat(refused.result().state()).isSameAs(v1.state);
        assertThat(rejected.moved()).isTrue();
        assertThat(rejected.result().state().status()).isEqualTo(FlowState.Status.RUNNING);
        assertThat(rejected.result().state().tokens()).containsExactly(Token.task("s"));
    }
}
