package dev.baton.flow;

import static dev.baton.flow.FlowFixtures.after;
import static dev.baton.flow.Run.approval;
import static dev.baton.flow.Run.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowApprovalTest {

    private static final String END = "{\"action\": \"end\"}";

    private static String returnTo(String target) {
        return "{\"action\": \"return\", \"targetNodeId\": \"" + target + "\"}";
    }

    private static Run approvalOf(String mode, int approvers) {
        return Run.started(after(approval("a", mode, approvers, END, task("t", ""))), Map.of());
    }

    private static Effect.ApprovalRequested requested(int index) {
        return new Effect.ApprovalRequested("a", index, new Assignee.Creator());
    }

    @Test
    void serialApproversDecideOneAfterAnotherInTheirOrder() {
        Run run = approvalOf("serial", 3);
        assertThat(run.last).contains(requested(0)).doesNotContain(requested(1), requested(2));
        assertThat(run.refused(new StepCommand.Approve("a", 1)).reason()).isEqualTo(StepResult.Reason.NOT_YOUR_TURN);

        run.ok(new StepCommand.Approve("a", 0));
        assertThat(run.last).contains(requested(1));
        run.ok(new StepCommand.Approve("a", 1)).ok(new StepCommand.Approve("a", 2));

        assertThat(run.active()).containsExactly("t");
        assertThat(run.effects).contains(new Effect.NodeCompleted("a"));
    }

    @Test
    void allNeedsEverySlotAndAsksThemAtOnce() {
        Run run = approvalOf("all", 3);
        assertThat(run.last).contains(requested(0), requested(1), requested(2));

        run.ok(new StepCommand.Approve("a", 2)).ok(new StepCommand.Approve("a", 0));
        assertThat(run.active()).containsExactly("a");
        assertThat(run.state.tokens().getFirst().decisions())
                .containsExactly(FlowState.Decision.APPROVED, FlowState.Decision.PENDING, FlowState.Decision.APPROVED);
        assertThat(run.refused(new StepCommand.Approve("a", 2)).reason()).isEqualTo(StepResult.Reason.ALREADY_DECIDED);

        run.ok(new StepCommand.Approve("a", 1));
        assertThat(run.active()).containsExactly("t");
    }

    @Test
    void anyCompletesOnTheFirstApproval() {
        Run run = approvalOf("any", 3).ok(new StepCommand.Approve("a", 1));
        assertThat(run.active()).containsExactly("t");
    }

    @Test
    void aRejectionThatEndsFinishesTheFlowAsRejected() {
        Run run = approvalOf("all", 2).ok(new StepCommand.Approve("a", 0)).ok(new StepCommand.Reject("a", 1));

        assertThat(run.state.status()).isEqualTo(FlowState.Status.REJECTED);
        assertThat(run.state.tokens()).isEmpty();
        assertThat(run.last).endsWith(new Effect.FlowFinished(FlowState.Status.REJECTED, null));
        assertThat(run.refused(new StepCommand.Complete("t")).reason()).isEqualTo(StepResult.Reason.FINISHED);
    }

    @Test
    void aRejectionThatReturnsEntersTheEarlierTaskAgainWithFreshApprovers() {
        Run run = Run.started(after(task("t1", approval("a", "serial", 2, returnTo("t1"), task("t2", "")))), Map.of());
        run.ok(new StepCommand.Complete("t1"))
                .ok(new StepCommand.Approve("a", 0))
                .ok(new StepCommand.Reject("a", 1));

        assertThat(run.active()).containsExactly("t1");
        assertThat(run.last).contains(new Effect.Returned("a", "t1"));
        run.ok(new StepCommand.Complete("t1"));
        assertThat(run.last).contains(requested(0));
        run.ok(new StepCommand.Approve("a", 0)).ok(new StepCommand.Approve("a", 1));

        assertThat(run.active()).containsExactly("t2");
        assertThat(run.path()).containsExactly("s", "t1", "a", "t1", "a", "t2");
    }

    @Test
    void aReturnToTheStartWaitsForTheSubmitter() {
        Run run = Run.started(after(approval("a", "any", 1, returnTo("s"), "")), Map.of())
                .ok(new StepCommand.Reject("a", 0));
        assertThat(run.active()).containsExactly("s");
        assertThat(run.last).contains(new Effect.AssignmentNeeded("s", new Assignee.Creator()));

        run.ok(new StepCommand.Complete("s", Map.of("title", "fixed")));
        assertThat(run.active()).containsExactly("a");
        assertThat(run.state.fields()).containsEntry("title", "fixed");
    }

    @Test
    void insideAParallelOnlyTheRejectingBranchMovesBack() {
        Run run = Run.started(
                after("""
                {"id": "p", "type": "parallel", "name": "p", "branches": [
                  {"name": "one", "next": %s}, {"name": "two", "next": %s}]}""".formatted(task("t1", approval("a", "all", 1, returnTo("t1"), "")), task("t2", ""))),
                Map.of());
        run.ok(new StepCommand.Complete("t1")).ok(new StepCommand.Reject("a", 0));

        assertThat(run.active()).containsExactlyInAnyOrder("t1", "t2");
        assertThat(run.state.joins()).containsExactly(Map.entry("p", 2));
    }

    @Test
    void aTaskReturnsOnlyToAnEarlierNodeOfItsPathWithinItsParallelBranch() {
        String returning =
                "{\"id\": \"r\", \"type\": \"task\", \"name\": \"r\", \"assignee\": {\"strategy\": \"creator\"},"
                        + " \"actions\": [\"return\"]}";
        Run run = Run.started(after(task("t0", """
                {"id": "p", "type": "parallel", "name": "p", "branches": [
                  {"name": "one", "next": %s}, {"name": "two", "next": %s}]}""".formatted(task("t1", returning), task("t2", "")))), Map.of());
        run.ok(new StepCommand.Complete("t0")).ok(new StepCommand.Complete("t1"));

        assertThat(run.refused(new StepCommand.ReturnTo("r", "t0")).reason())
                .isEqualTo(StepResult.Reason.RETURN_TARGET);
        assertThat(run.refused(new StepCommand.ReturnTo("r", "t2")).reason())
                .isEqualTo(StepResult.Reason.RETURN_TARGET);
        assertThat(run.refused(new StepCommand.ReturnTo("t2", "t0")).reason())
                .isEqualTo(StepResult.Reason.RETURN_NOT_ALLOWED);
        run.ok(new StepCommand.ReturnTo("r", "t1"));
        assertThat(run.active()).containsExactlyInAnyOrder("t2", "t1");
    }
}
