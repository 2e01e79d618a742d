package dev.baton.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A flow under test: parses a definition with {@link FlowFixtures}, then sends commands one by one. */
final class Run {

    final FlowStepper stepper;
    FlowState state = FlowState.NEW;
    final List<Effect> effects = new ArrayList<>();
    /** The effects of the last applied step. */
    List<Effect> last = List.of();

    private Run(FlowStepper stepper) {
        this.stepper = stepper;
    }

    static Run of(String json) {
        FlowDefinitions.Result parsed = FlowFixtures.parse(json);
        assertThat(parsed.errors()).as(json).isEmpty();
        return new Run(new FlowStepper(FlowCompiler.compile(parsed.root()), FlowFixtures.FIELDS));
    }

    static Run started(String json, Map<String, @Nullable Object> fields) {
        Run run = of(json);
        run.ok(new StepCommand.Start(fields, Map.of()));
        return run;
    }

    /** Applies a command that must be accepted. */
    Run ok(StepCommand command) {
        StepResult result = this.stepper.step(this.state, command);
        assertThat(result).as(command.toString()).isInstanceOf(StepResult.Applied.class);
        this.last = ((StepResult.Applied) result).effects();
        this.effects.addAll(this.last);
        this.state = result.state();
        return this;
    }

    /** Sends a command that must be refused, checks nothing changed, and returns the refusal. */
    StepResult.Refusal refused(StepCommand command) {
        StepResult result = this.stepper.step(this.state, command);
        assertThat(result).as(command.toString()).isInstanceOf(StepResult.Refused.class);
        assertThat(result.state()).isSameAs(this.state);
        return ((StepResult.Refused) result).refusal();
    }

    List<String> path() {
        return FlowSimulator.path(this.effects);
    }

    List<String> active() {
        return this.state.tokens().stream().map(FlowState.Token::nodeId).toList();
    }

    static String task(String id, String next) {
        return """
                {"id": "%s", "type": "task", "name": "%s", "assignee": {"strategy": "creator"}%s}""".formatted(id, id, next.isEmpty() ? "" : ", \"next\": " + next);
    }

    static String approval(String id, String mode, int approvers, String onReject, String next) {
        String slots = String.join(", ", java.util.Collections.nCopies(approvers, "{\"strategy\": \"creator\"}"));
        return """
                {"id": "%s", "type": "approval", "name": "%s", "mode": "%s", "approvers": [%s], "onReject": %s%s}""".formatted(id, id, mode, slots, onReject, next.isEmpty() ? "" : ", \"next\": " + next);
    }
}
