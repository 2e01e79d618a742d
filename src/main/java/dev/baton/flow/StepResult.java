package dev.baton.flow;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The outcome of {@link FlowStepper#step}: a new state with its effects, or a refusal. */
public sealed interface StepResult {

    FlowState state();

    /** The command was applied. */
    record Applied(FlowState state, List<Effect> effects) implements StepResult {
        public Applied {
            effects = List.copyOf(effects);
        }
    }

    /** The command was refused; {@code state} is the unchanged input state and nothing happened. */
    record Refused(FlowState state, Refusal refusal) implements StepResult {}

    /**
     * Why a command was refused.
     *
     * @param nodeId the node the command named or the step failed at; null when none applies
     * @param flowStatus the status of the flow when it was refused
     * @param detail a short English explanation for logs (users see {@link #code()})
     */
    record Refusal(Reason reason, @Nullable String nodeId, FlowState.Status flowStatus, String detail) {

        /** The message code, e.g. {@code {flow.step.not-your-turn}}. */
        public String code() {
            return "{flow.step." + this.reason.name().toLowerCase(Locale.ROOT).replace('_', '-') + "}";
        }
    }

    enum Reason {
        NOT_STARTED,
        ALREADY_STARTED,
        FINISHED,
        UNKNOWN_NODE,
        /** The node holds no active position. */
        NOT_ACTIVE,
        /** E.g. approving a task or completing an approval. */
        WRONG_NODE_TYPE,
        ALREADY_CLAIMED,
        /** Releasing a task nobody has claimed. */
        NOT_CLAIMED,
        NO_SUCH_APPROVER,
        /** A serial approver decided before the approvers listed before them. */
        NOT_YOUR_TURN,
        ALREADY_DECIDED,
        /** The task does not offer the {@code return} action. */
        RETURN_NOT_ALLOWED,
        /** Not a start, task or approval earlier on the path within the same parallel branch. */
        RETURN_TARGET,
        /** A condition could not be evaluated (e.g. a field holds a value of the wrong type). */
        CONDITION_FAILED,
        /** A {@code set_field} automation's value does not fit the field. */
        FIELD_VALUE
    }
}
