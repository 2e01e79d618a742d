package dev.baton.assignment.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON text columns of the assignment tables (rule definitions, tag and skill lists). */
@Component
class AssignmentJson {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JsonMapper json = JsonMapper.builder().build();

    String write(Object value) {
        return this.json.writeValueAsString(value);
    }

    RuleDefinition definition(String text) {
        return this.json.readValue(text, RuleDefinition.class);
    }

    List<String> strings(String text) {
        return this.json.readValue(text, STRINGS);
    }
}
