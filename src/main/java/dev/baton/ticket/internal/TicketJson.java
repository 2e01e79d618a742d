package dev.baton.ticket.internal;

import dev.baton.flow.FlowState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON columns of a ticket: field values, flow state and the task mirror. Whole numbers read back as
 * {@code Long}, as the flow engine and the field rules expect of parsed JSON.
 */
@Component
class TicketJson {

    private static final TypeReference<Map<String, @Nullable Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<TaskRow>> TASKS = new TypeReference<>() {};

    private final JsonMapper json;
    // One reader per type, made once: ObjectReader.forType looks the type up on every call.
    private final ObjectReader fieldsReader;
    private final ObjectReader stateReader;
    private final ObjectReader tasksReader;

    TicketJson(JsonMapper json) {
        this.json = json;
        ObjectReader reader = json.reader().with(DeserializationFeature.USE_LONG_FOR_INTS);
        this.fieldsReader = reader.forType(MAP);
        this.stateReader = reader.forType(FlowState.class);
        this.tasksReader = reader.forType(TASKS);
    }

    String write(Object value) {
        return this.json.writeValueAsString(value);
    }

    Map<String, @Nullable Object> fields(String text) {
        return new LinkedHashMap<>(this.fieldsReader.readValue(text));
    }

    FlowState state(String text) {
        return this.stateReader.readValue(text);
    }

    List<TaskRow> tasks(String text) {
        return this.tasksReader.readValue(text);
    }

    /** Request values (ints as Integer) normalised to what a stored ticket reads back as. */
    Map<String, @Nullable Object> normalise(Map<String, @Nullable Object> values) {
        return fields(write(values));
    }
}
