package dev.baton.flow;

import java.net.URI;
import tools.jackson.databind.JsonNode;

/** What an automation node does. */
public sealed interface AutomationAction {

    /**
     * Writes a template field. The value is checked against the field's rules when the step runs.
     *
     * @param value a private copy of the JSON value
     */
    record SetField(String fieldKey, JsonNode value) implements AutomationAction {
        public SetField {
            value = value.deepCopy();
        }

        @Override
        public JsonNode value() {
            return this.value.deepCopy();
        }
    }

    record SetPriority(Priority priority) implements AutomationAction {}

    /** Posts the ticket to an {@code https} URL. */
    record Webhook(URI url) implements AutomationAction {}

    /** Creates a child ticket from the template with this code. */
    record CreateChild(String templateCode) implements AutomationAction {}

    /** Sends a plain-text message on a notification channel. */
    record Notify(String channel, String message) implements AutomationAction {}
}
