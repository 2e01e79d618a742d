package dev.baton.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.platform.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldValuesTest {

    /** 200 fields: the 18 types over and over, every one required. */
    private static List<FieldDefinition> bigTemplate() {
        List<FieldDefinition> defs = new ArrayList<>();
        FieldType[] types = FieldType.values();
        for (int i = 0; defs.size() < 200; i++) {
            FieldType type = types[i % types.length];
            if (type != FieldType.CHAT_EXCERPT) {
                defs.add(FieldFixtures.definition(type, "_" + i));
            }
        }
        return defs;
    }

    @Test
    void aTemplateWith200FieldsValidatesAFullPayload() {
        List<FieldDefinition> defs = bigTemplate();
        assertThat(FieldDefinitions.check(defs)).isEmpty();
        Map<String, Object> valid = new HashMap<>();
        Map<String, Object> invalid = new HashMap<>();
        for (FieldDefinition def : defs) {
            valid.put(def.key(), FieldArbitraries.valid(def.type()).sample());
            // A boolean is the wrong kind of value for every type, and yields exactly one error.
            invalid.put(def.key(), true);
        }
        assertThat(FieldValues.validate(defs, valid)).isEmpty();
        List<FieldError> errors = FieldValues.validate(defs, invalid);
        assertThat(errors).hasSize(200);
        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactlyElementsOf(
                        defs.stream().map(FieldDefinition::key).toList());
        assertThat(FieldValues.validate(defs, Map.of())).hasSize(200);
    }

    @Test
    void reportsUnknownKeysAndEveryOtherFailure() {
        FieldDefinition amount = FieldDefinition.builder("amount", "金额", FieldType.MONEY)
                .range(BigDecimal.ONE, null)
                .build();
        FieldDefinition title = FieldDefinition.builder("title", "标题", FieldType.TEXT)
                .required(true)
                .build();
        List<FieldError> errors =
                FieldValues.validate(List.of(amount, title), Map.of("amount", "0.001", "colour", "red"));
        assertThat(errors)
                .containsExactlyInAnyOrder(
                        new FieldError("colour", "{field.not-in-template}"),
                        new FieldError("amount", "{field.too-many-decimals}"),
                        new FieldError("amount", "{field.too-small}"),
                        new FieldError("title", "{field.required}"));
    }

    @Test
    void aNumberWithoutAScaleTakesAnyDecimalsAndMoneyTakesTwo() {
        FieldDefinition number =
                FieldDefinition.builder("qty", "数量", FieldType.NUMBER).build();
        FieldDefinition money =
                FieldDefinition.builder("amount", "金额", FieldType.MONEY).build();

        assertThat(FieldValues.validate(List.of(number, money), Map.of("qty", 1.125, "amount", "19.90")))
                .isEmpty();
        assertThat(FieldValues.validate(List.of(number, money), Map.of("amount", "19.999")))
                .extracting(dev.baton.platform.FieldError::field)
                .containsExactly("amount");
    }

    @Test
    void aCatastrophicallyBacktrackingPatternEndsWithAnErrorInsteadOfHanging() {
        FieldDefinition evil = FieldDefinition.builder("code", "编码", FieldType.TEXT)
                // polynomial backtracking of degree 12: over a minute on 41 characters without the budget
                .pattern("(.*a){12}$", null)
                .build();

        assertThat(FieldValues.validate(List.of(evil), Map.of("code", "a".repeat(40) + "!")))
                .containsExactly(new FieldError("code", "{field.pattern-too-complex}"));
        assertThat(FieldValues.validate(List.of(evil), Map.of("code", "a".repeat(12))))
                .isEmpty();
    }

    @Test
    void aHiddenFieldIsNotRequired() {
        FieldDefinition kind = FieldDefinition.builder("kind", "类型", FieldType.SELECT)
                .options(FieldFixtures.OPTIONS)
                .build();
        FieldDefinition reason = FieldDefinition.builder("reason", "原因", FieldType.TEXTAREA)
                .required(true)
                .visibleWhen(new VisibleWhen("kind", List.of("b", "c")))
                .build();
        List<FieldDefinition> defs = List.of(kind, reason);
        assertThat(FieldValues.validate(defs, Map.of("kind", "a"))).isEmpty();
        assertThat(FieldValues.validate(defs, Map.of())).isEmpty();
        assertThat(FieldValues.validate(defs, Map.of("kind", "b", "reason", " ")))
                .containsExactly(new FieldError("reason", "{field.required}"));
    }

    @Test
    void specificMessages() {
        FieldDefinition text = FieldDefinition.builder("code", "编码", FieldType.TEXT)
                .pattern("[A-Z]{3}", "{custom.code}")
                .build();
        FieldDefinition chat =
                FieldDefinition.builder("chat", "会话", FieldType.CHAT_EXCERPT).build();
        FieldDefinition kind = FieldDefinition.builder("kind", "类型", FieldType.SELECT)
                .options(FieldFixtures.OPTIONS)
                .build();
        FieldDefinition region =
                FieldDefinition.builder("region", "地区", FieldType.REGION).build();
        Map<String, Object> values =
                Map.of("code", "abc", "chat", "hello", "kind", "x", "region", Map.of("province", "广东", "city", 5));
        assertThat(FieldValues.validate(List.of(text, chat, kind, region), values))
                .containsExactlyInAnyOrder(
                        new FieldError("code", "{custom.code}"),
                        new FieldError("chat", "{field.read-only}"),
                        new FieldError("kind", "{field.option-disabled}"),
                        new FieldError("region.city", "{field.not-text}"));
    }
}
