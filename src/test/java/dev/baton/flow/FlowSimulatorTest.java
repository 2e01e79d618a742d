package dev.baton.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.flow.FlowSimulator.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowSimulatorTest {

    private static final FlowGraph EXAMPLE =
            FlowCompiler.compile(FlowFixtures.parse(FlowFixtures.EXAMPLE).root());

    @Test
    void scriptedRejectionsReturnAndTheRunEndsOnceTheScriptIsUsedUp() {
        FlowSimulator.Simulation sim = FlowSimulator.simulate(
                EXAMPLE,
                FlowFixtures.FIELDS,
                Map.of("amount", 8000.0),
                Map.of(),
                Map.of("supervisor", List.of(Verdict.REJECT)));

        assertThat(sim.refusal()).isNull();
        assertThat(sim.path())
                .containsExactly(
                        "start",
                        "route",
                        "supervisor",
                        "start",
                        "route",
                        "supervisor",
                        "fan",
                        "finance",
                        "tell",
                        "done");
        assertThat(sim.state().customerStatus()).isEqualTo(CustomerStatus.AWAITING_CONFIRMATION);
        assertThat(sim.commands())
                .containsExactly(
                        new StepCommand.Start(Map.of("amount", 8000.0), Map.of()),
                        new StepCommand.Reject("supervisor", 0),
                        new StepCommand.Complete("start"),
                        new StepCommand.Approve("supervisor", 0),
                        new StepCommand.Complete("finance"));
    }

    @Test
    void aSmallAmountTakesTheDefaultBranch() {
        FlowSimulator.Simulation sim =
                FlowSimulator.simulate(EXAMPLE, FlowFixtures.FIELDS, Map.of("amount", 10.0), Map.of(), Map.of());
        assertThat(sim.path()).containsExactly("start", "route", "agent", "done");
        assertThat(sim.state().finished()).isTrue();
    }

    @Test
    void aConditionThatCannotBeEvaluatedStopsTheRunWithTheRefusal() {
        FlowSimulator.Simulation sim =
                FlowSimulator.simulate(EXAMPLE, FlowFixtures.FIELDS, Map.of("amount", "x"), Map.of(), Map.of());
        assertThat(sim.refusal()).isNotNull();
        assertThat(sim.refusal().reason()).isEqualTo(StepResult.Reason.CONDITION_FAILED);
        assertThat(sim.state()).isEqualTo(FlowState.NEW);
    }
}
