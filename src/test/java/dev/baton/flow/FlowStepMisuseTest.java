package dev.baton.flow;

import static dev.baton.flow.FlowFixtures.after;
import static dev.baton.flow.Run.approval;
import static dev.baton.flow.Run.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected misuse is answered with a typed refusal naming the node, and the state stays as it was. */
class FlowStepMisuseTest {

    private static final String FLOW = after(task("t", approval("a", "serial", 2, "{\"action\": \"end\"}", "")));

    private static StepResult.Reason reason(Run run, StepCommand command) {
        return run.refused(command).reason();
    }

    @Test
    void nothingButStartBeforeTheStartAndNoSecondStart() {
        Run run = Run.of(FLOW);
        StepResult.Refusal refusal = run.refused(new StepCommand.Complete("t"));
        assertThat(refusal.reason()).isEqualTo(StepResult.Reason.NOT_STARTED);
        assertThat(refusal.flowStatus()).isEqualTo(FlowState.Status.NOT_STARTED);

        run.ok(new StepCommand.Start(Map.of(), Map.of()));
        assertThat(reason(run, new StepCommand.Start(Map.of(), Map.of()))).isEqualTo(StepResult.Reason.ALREADY_STARTED);
    }

    @Test
    void commandsForNodesThatAreNotActiveOrOfTheWrongKind() {
        Run run = Run.started(FLOW, Map.of());
        StepResult.Refusal refusal = run.refused(new StepCommand.Approve("a", 0));
        assertThat(refusal.reason()).isEqualTo(StepResult.Reason.NOT_ACTIVE);
        assertThat(refusal.nodeId()).isEqualTo("a");
        assertThat(refusal.flowStatus()).isEqualTo(FlowState.Status.RUNNING);
        assertThat(refusal.code()).isEqualTo("{flow.step.not-active}");
        assertThat(reason(run, new StepCommand.Complete("nope"))).isEqualTo(StepResult.Reason.UNKNOWN_NODE);
        assertThat(reason(run, new StepCommand.Approve("t", 0))).isEqualTo(StepResult.Reason.WRONG_NODE_TYPE);

        run.ok(new StepCommand.Claim("t"));
        assertThat(reason(run, new StepCommand.Claim("t"))).isEqualTo(StepResult.Reason.ALREADY_CLAIMED);
        run.ok(new StepCommand.Complete("t"));
        assertThat(reason(run, new StepCommand.Complete("t"))).isEqualTo(StepResult.Reason.NOT_ACTIVE);
        assertThat(reason(run, new StepCommand.Complete("a"))).isEqualTo(StepResult.Reason.WRONG_NODE_TYPE);
        assertThat(reason(run, new StepCommand.ReturnTo("a", "t"))).isEqualTo(StepResult.Reason.WRONG_NODE_TYPE);
    }

    @Test
    void approverMisuse() {
        Run run = Run.started(FLOW, Map.of()).ok(new StepCommand.Complete("t"));
        assertThat(reason(run, new StepCommand.Approve("a", 2))).isEqualTo(StepResult.Reason.NO_SUCH_APPROVER);
        assertThat(reason(run, new StepCommand.Reject("a", -1))).isEqualTo(StepResult.Reason.NO_SUCH_APPROVER);
        assertThat(reason(run, new StepCommand.Reject("a", 1))).isEqualTo(StepResult.Reason.NOT_YOUR_TURN);
        run.ok(new StepCommand.Approve("a", 0));
        assertThat(reason(run, new StepCommand.Reject("a", 0))).isEqualTo(StepResult.Reason.ALREADY_DECIDED);
    }

    @Test
    void nothingAfterTheFlowHasFinished() {
        Run run = Run.started(FLOW, Map.of())
                .ok(new StepCommand.Complete("t"))
                .ok(new StepCommand.Approve("a", 0))
                .ok(new StepCommand.Approve("a", 1));
        assertThat(run.state.finished()).isTrue();
        StepResult.Refusal refusal = run.refused(new StepCommand.Approve("a", 1));
        assertThat(refusal.reason()).isEqualTo(StepResult.Reason.FINISHED);
        assertThat(refusal.flowStatus()).isEqualTo(FlowState.Status.COMPLETED);
    }
}
