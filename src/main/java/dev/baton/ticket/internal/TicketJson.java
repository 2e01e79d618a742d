package dev.baton.ticket.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
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
 * {@code Long}, as the flow engine and the field rules expect of parsed JSON. The flow state and the task mirror
 * change with almost every action and PostgreSQL logs the changed part of the row each time, so they leave out what
 * is null or empty (a missing list or map reads back empty, a missing value null); rows written in full still read.
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
        JsonSetter.Value empty = JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY);
        this.json = json.rebuild()
                .addMixIn(FlowState.class, LeaveOutEmpty.class)
                .addMixIn(FlowState.Token.class, LeaveOutEmpty.class)
                .addMixIn(TaskRow.class, LeaveOutNull.class)
                .withConfigOverride(List.class, o -> o.setNullHandling(empty))
                .withConfigOverride(Map.class, o -> o.setNullHandling(empty))
                .build();
        ObjectReader reader = this.json.reader().with(DeserializationFeature.USE_LONG_FOR_INTS);
        this.fieldsReader = reader.forType(MAP);
        this.stateReader = reader.forType(FlowState.class);
        this.tasksReader = reader.forType(TASKS);
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private interface LeaveOutEmpty {}

    /** Nulls only: an empty role code, left out, would read back as null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private interface LeaveOutNull {}

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
