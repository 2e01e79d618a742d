package dev.baton.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.platform.FieldError;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Generated values of every field type: valid ones pass, each kind of invalid one is reported on its field. */
class FieldValuesPropertyTest {

    record Case(FieldDefinition def, Object value) {}

    private static final Map<FieldType, FieldDefinition> DEFS = FieldFixtures.all();

    @Provide
    Arbitrary<FieldType> types() {
        return Arbitraries.of(FieldType.values());
    }

    @Provide
    Arbitrary<Case> validCases() {
        return types().flatMap(t -> FieldArbitraries.valid(t).map(v -> new Case(DEFS.get(t), v)));
    }

    @Provide
    Arbitrary<Case> invalidCases() {
        return types().flatMap(t -> FieldArbitraries.invalid(t).map(v -> new Case(DEFS.get(t), v)));
    }

    @Property(tries = 2000)
    void validValuesPass(@ForAll("validCases") Case c) {
        assertThat(FieldValues.validate(List.of(c.def()), values(c))).isEmpty();
    }

    @Property(tries = 2000)
    void invalidValuesAreReportedOnTheirField(@ForAll("invalidCases") Case c) {
        List<FieldError> errors = FieldValues.validate(List.of(c.def()), values(c));
        String key = c.def().key();
        assertThat(errors)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.field().equals(key) || e.field().startsWith(key + "."))
                        .as("%s on %s", e, key)
                        .isTrue())
                .allSatisfy(e -> assertThat(e.message()).isNotBlank());
    }

    @Property(tries = 500)
    void allValidFieldsTogetherPass(@ForAll("types") FieldType ignored) {
        Map<String, Object> values = new HashMap<>();
        DEFS.forEach((t, d) -> {
            Object v = FieldArbitraries.valid(t).sample();
            if (v != null) {
                values.put(d.key(), v);
            }
        });
        assertThat(FieldValues.validate(List.copyOf(DEFS.values()), values)).isEmpty();
    }

    @Property(tries = 200)
    void missingRequiredValuesAreReported(@ForAll("types") FieldType type) {
        FieldDefinition def = DEFS.get(type);
        List<FieldError> errors = FieldValues.validate(List.of(def), Map.of());
        if (type == FieldType.CHAT_EXCERPT) {
            assertThat(errors).isEmpty();
        } else {
            assertThat(errors).containsExactly(new FieldError(def.key(), "{field.required}"));
        }
    }

    @Property(tries = 100)
    void everyTypeHasACodeThatReadsBack(@ForAll("types") FieldType type) {
        assertThat(FieldType.ofCode(type.code())).contains(type);
        assertThat(Arrays.stream(FieldType.values()).map(FieldType::code)).doesNotHaveDuplicates();
    }

    private static Map<String, Object> values(Case c) {
        Map<String, Object> values = new HashMap<>();
        if (c.value() != null) {
            values.put(c.def().key(), c.value());
        }
        return values;
    }
}
