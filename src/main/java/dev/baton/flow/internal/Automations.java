package dev.baton.flow.internal;

import dev.baton.flow.AutomationAction;
import dev.baton.flow.Effect;
import dev.baton.flow.Node;
import dev.baton.flow.StepResult;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldValues;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs an automation node: its action becomes one effect for the ticket module to carry out. Only
 * {@code set_field} changes the flow's own state, so later conditions see the new value.
 */
final class Automations {

    private Automations() {}

    static Effect run(Node.Automation node, Map<String, FieldDefinition> defs, Map<String, @Nullable Object> fields) {
        String id = node.id();
        return switch (node.action()) {
            case AutomationAction.SetField s -> setField(id, s, defs, fields);
            case AutomationAction.SetPriority s -> new Effect.SetPriority(id, s.priority());
            case AutomationAction.Webhook w -> new Effect.Webhook(id, w.url());
            case AutomationAction.CreateChild c -> new Effect.CreateChild(id, c.templateCode());
            case AutomationAction.Notify n -> new Effect.Notify(id, n.channel(), n.message());
        };
    }

    /**
     * Publishing only checks that a value is given, so the field's rules are checked here: a value that does
     * not fit stops the step rather than storing bad data in the ticket.
     */
    private static Effect setField(
            String id,
            AutomationAction.SetField action,
            Map<String, FieldDefinition> defs,
            Map<String, @Nullable Object> fields) {
        FieldDefinition def = defs.get(action.fieldKey());
        Object value = RunValues.plain(action.value());
        Map<String, @Nullable Object> one = new HashMap<>();
        one.put(action.fieldKey(), value);
        if (def == null || !FieldValues.validate(List.of(def), one).isEmpty()) {
            throw new StepRun.Failure(StepResult.Reason.FIELD_VALUE, id, "invalid value for " + action.fieldKey());
        }
        fields.put(action.fieldKey(), value);
        return new Effect.SetField(id, action.fieldKey(), value);
    }
}
