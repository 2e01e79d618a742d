package dev.baton.flow.internal;

import dev.baton.platform.FieldError;
import dev.baton.template.FieldDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** State shared by one parse (template fields, seen ids, problems so far) and the JSON readers every part uses. */
final class ParseContext {

    static final int MAX_LIST = 20;

    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    static final Pattern ROLE_CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final Map<String, FieldDefinition> fields = new HashMap<>();
    private final List<FieldError> errors = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private boolean truncated;

    ParseContext(List<FieldDefinition> templateFields) {
        templateFields.forEach(f -> this.fields.put(f.key(), f));
    }

    @Nullable
    FieldDefinition field(String key) {
        return this.fields.get(key);
    }

    int fieldCount() {
        return this.fields.size();
    }

    /** False when another node already uses this id. */
    boolean claimId(String id) {
        return this.ids.add(id);
    }

    void error(String path, String code) {
        if (this.errors.size() < DefinitionParser.MAX_ERRORS) {
            this.errors.add(new FieldError(path, code));
        } else {
            this.truncated = true;
        }
    }

    boolean hasErrors() {
        return !this.errors.isEmpty();
    }

    boolean truncated() {
        return this.truncated;
    }

    /** Every problem reported, then one marker when some were dropped over the cap. */
    List<FieldError> errors() {
        List<FieldError> all = new ArrayList<>(this.errors);
        if (this.truncated) {
            all.add(new FieldError("$", "{flow.too-many-errors}"));
        }
        return List.copyOf(all);
    }

    void requireName(String name, String path) {
        if (name.isBlank()) {
            error(path + ".name", "{field.required}");
        }
    }

    /** The string at {@code key}, or "" after reporting a problem (or when optional and absent). */
    String string(JsonNode json, String key, String path, int maxLength, boolean required) {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                error(path + "." + key, "{field.required}");
            }
            return "";
        }
        if (!value.isString()) {
            error(path + "." + key, "{flow.not-text}");
            return "";
        }
        String text = value.stringValue();
        if (text.length() > maxLength) {
            error(path + "." + key, "{field.too-long}");
            return "";
        }
        if (required && text.isBlank()) {
            error(path + "." + key, "{field.required}");
            return "";
        }
        return text;
    }

    /** The positive id at {@code key}, or 0 after reporting a problem. */
    long id(JsonNode json, String key, String path) {
        JsonNode value = json.get(key);
        if (value == null || value.isNull()) {
            error(path + "." + key, "{field.required}");
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
            error(path + "." + key, "{field.not-id}");
            return 0;
        }
        return value.longValue();
    }

    <E> Optional<E> enumCode(JsonNode json, String path, Function<String, Optional<E>> parse) {
        Optional<E> value = json.isString() && json.stringValue().length() <= 64
                ? parse.apply(json.stringValue())
                : Optional.empty();
        if (value.isEmpty()) {
            error(path, "{flow.not-option}");
        }
        return value;
    }

    interface Item {
        void accept(JsonNode item, String path);
    }

    void list(@Nullable JsonNode json, String path, Item each) {
        if (json == null || json.isNull()) {
            return;
        }
        if (!json.isArray()) {
            error(path, "{flow.not-list}");
            return;
        }
        if (json.size() > MAX_LIST) {
            error(path, "{flow.too-many}");
            return;
        }
        for (int i = 0; i < json.size(); i++) {
            each.accept(json.get(i), path + "[" + i + "]");
        }
    }
}
