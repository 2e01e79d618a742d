package dev.baton.flow;

import static dev.baton.flow.FlowFixtures.after;
import static dev.baton.flow.Run.task;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowStepperTest {

    private static final String BIG_OR_SMALL = """
            {"id": "c", "type": "condition", "branches": [
              {"name": "big", "when": "fields.amount > 5000", "next": %s},
              {"name": "other", "default": true, "next": %s}]%s}""".formatted(task("big", ""), task("small", ""), "%s");

    private static String bigOrSmall(String next) {
        return BIG_OR_SMALL.formatted(next.isEmpty() ? "" : ", \"next\": " + next);
    }

    @Test
    void aTaskWaitsForItsHandlerAndAnExplicitEndSetsTheCustomerStatus() {
        Run run = Run.started(
                after(task("t", "{\"id\": \"e\", \"type\": \"end\", \"customerStatus\": \"done\"}")), Map.of());
        assertThat(run.path()).containsExactly("s", "t");
        assertThat(run.state.tokens()).containsExactly(FlowState.Token.task("t"));
        assertThat(run.last).contains(new Effect.AssignmentNeeded("t", new Assignee.Creator()));

        run.ok(new StepCommand.Claim("t"));
        assertThat(run.state.tokens().getFirst().status()).isEqualTo(FlowState.TokenStatus.IN_PROGRESS);
        run.ok(new StepCommand.Complete("t"));

        assertThat(run.path()).containsExactly("s", "t", "e");
        assertThat(run.state.status()).isEqualTo(FlowState.Status.COMPLETED);
        assertThat(run.state.customerStatus()).isEqualTo(CustomerStatus.DONE);
        assertThat(run.last)
                .containsExactly(
                        new Effect.NodeCompleted("t"),
                        new Effect.NodeEntered("e"),
                        new Effect.NodeCompleted("e"),
                        new Effect.FlowFinished(FlowState.Status.COMPLETED, CustomerStatus.DONE));
    }

    @Test
    void theEndOfTheMainLineFinishesWithoutACustomerStatus() {
        Run run = Run.started(after(task("t", "")), Map.of()).ok(new StepCommand.Complete("t"));
        assertThat(run.state.finished()).isTrue();
        assertThat(run.state.customerStatus()).isNull();
        assertThat(run.last).endsWith(new Effect.FlowFinished(FlowState.Status.COMPLETED, null));
    }

    @Test
    void automationsRunAtOnceAndEmitOneEffectEach() {
        Run run = Run.started(after("""
                {"id": "a1", "type": "automation", "name": "p", "action": "set_priority", "priority": "urgent",
                 "next": {"id": "a2", "type": "automation", "name": "w", "action": "webhook", "url": "https://x.test/h",
                 "next": {"id": "a3", "type": "automation", "name": "c", "action": "create_child", "templateCode": "it",
                 "next": {"id": "a4", "type": "automation", "name": "n", "action": "notify", "channel": "sms", "message": "hi",
                 "next": {"id": "a5", "type": "automation", "name": "f", "action": "set_field", "fieldKey": "title",
                          "value": "set"}}}}}"""), Map.of());

        assertThat(run.effects)
                .contains(
                        new Effect.SetPriority("a1", Priority.URGENT),
                        new Effect.Webhook("a2", URI.create("https://x.test/h")),
                        new Effect.CreateChild("a3", "it"),
                        new Effect.Notify("a4", "sms", "hi"),
                        new Effect.SetField("a5", "title", "set"));
        assertThat(run.state.fields()).containsEntry("title", "set");
        assertThat(run.state.finished()).isTrue();
    }

    @Test
    void aConditionTakesTheFirstHoldingBranchElseTheDefault() {
        String flow = after(bigOrSmall(""));
        assertThat(Run.started(flow, Map.of("amount", 6000.0)).active()).containsExactly("big");
        assertThat(Run.started(flow, Map.of("amount", 5000)).active()).containsExactly("small");
        assertThat(Run.started(flow, Map.of("amount", 6000.0)).effects).contains(new Effect.BranchChosen("c", 0));
    }

    @Test
    void aMissingFieldMakesTheBranchFalseAndAValueOfTheWrongTypeRefusesTheStep() {
        String flow = after(bigOrSmall(""));
        assertThat(Run.started(flow, Map.of()).active()).containsExactly("small");

        StepResult.Refusal refusal = Run.of(flow).refused(new StepCommand.Start(Map.of("amount", "lots"), Map.of()));
        assertThat(refusal.reason()).isEqualTo(StepResult.Reason.CONDITION_FAILED);
        assertThat(refusal.nodeId()).isEqualTo("c");
        assertThat(refusal.code()).isEqualTo("{flow.step.condition-failed}");
    }

    @Test
    void setFieldIsSeenByALaterConditionAndABadValueRefusesTheStep() {
        String setAmount = """
                {"id": "auto", "type": "automation", "name": "a", "action": "set_field", "fieldKey": "amount",
                 "value": %s, "next": %s}""";
        Run run = Run.started(after(setAmount.formatted("9000", bigOrSmall(""))), Map.of("amount", 10.0));
        assertThat(run.active()).containsExactly("big");
        assertThat(run.state.fields()).containsEntry("amount", 9000L);

        StepResult.Refusal refusal = Run.of(after(setAmount.formatted("\"nine\"", bigOrSmall(""))))
                .refused(new StepCommand.Start(Map.of(), Map.of()));
        assertThat(refusal.reason()).isEqualTo(StepResult.Reason.FIELD_VALUE);
        assertThat(refusal.nodeId()).isEqualTo("auto");
    }

    @Test
    void aParallelNodeJoinsWhenEveryBranchHasEnded() {
        Run run = Run.started(FlowFixtures.EXAMPLE, Map.of("amount", 6000.0))
                .ok(new StepCommand.Approve("supervisor", 1));
        assertThat(run.path()).containsExactly("start", "route", "supervisor", "fan", "finance", "tell");
        assertThat(run.active()).containsExactly("finance");
        assertThat(run.state.joins()).containsExactly(Map.entry("fan", 1));

        run.ok(new StepCommand.Complete("finance"));
        assertThat(run.state.joins()).isEmpty();
        assertThat(run.last)
                .containsSubsequence(
                        new Effect.NodeCompleted("finance"),
                        new Effect.NodeCompleted("fan"),
                        new Effect.NodeCompleted("route"),
                        new Effect.NodeEntered("done"));
        assertThat(run.state.customerStatus()).isEqualTo(CustomerStatus.AWAITING_CONFIRMATION);
    }

    @Test
    void aConditionInsideAParallelBranchConvergesIntoTheBranch() {
        String flow = after("""
                {"id": "p", "type": "parallel", "name": "p", "branches": [
                  {"name": "one", "next": %s},
                  {"name": "two", "next": %s},
                  {"name": "empty"}],
                 "next": %s}""".formatted(bigOrSmall(task("after", "")), task("other", ""), task("final", "")));
        Run run = Run.started(flow, Map.of("amount", 6000.0));
        assertThat(run.active()).containsExactly("big", "other");
        assertThat(run.state.joins()).containsExactly(Map.entry("p", 2));

        run.ok(new StepCommand.Complete("big"));
        assertThat(run.active()).containsExactly("other", "after");
        run.ok(new StepCommand.Complete("other"));
        assertThat(run.active()).containsExactly("after");
        run.ok(new StepCommand.Complete("after"));

        assertThat(run.active()).containsExactly("final");
        assertThat(run.path()).containsExactly("s", "p", "c", "big", "other", "after", "final");
    }

    @Test
    void anEndInsideAParallelBranchEndsTheWholeFlow() {
        Run run = Run.started(after("""
                {"id": "p", "type": "parallel", "name": "p", "branches": [
                  {"name": "one", "next": %s},
                  {"name": "two", "next": {"id": "e", "type": "end", "customerStatus": "done"}},
                  {"name": "three", "next": %s}]}""".formatted(task("t1", ""), task("t3", ""))), Map.of());
        assertThat(run.path()).containsExactly("s", "p", "t1", "e");
        assertThat(run.state.tokens()).isEmpty();
        assertThat(run.state.joins()).isEmpty();
        assertThat(run.state.status()).isEqualTo(FlowState.Status.COMPLETED);
    }
}
