package dev.baton.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.platform.FieldError;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldDefinitionsTest {

    private static FieldDefinition text(String key) {
        return FieldDefinition.builder(key, "标签", FieldType.TEXT).build();
    }

    @Test
    void aConsistentTemplatePasses() {
        List<FieldDefinition> all = List.copyOf(FieldFixtures.all().values());
        assertThat(FieldDefinitions.check(all)).isEmpty();
    }

    @Test
    void duplicateAndMalformedKeys() {
        assertThat(FieldDefinitions.check(List.of(text("title"), text("title"), text("Title"), text("a".repeat(65)))))
                .containsExactly(
                        new FieldError("fields[1].key", "{fielddef.key.duplicate}"),
                        new FieldError("fields[2].key", "{fielddef.key.pattern}"),
                        new FieldError("fields[3].key", "{fielddef.key.pattern}"));
    }

    @Test
    void unknownTypeCodes() {
        assertThat(FieldType.ofCode("multi_select")).contains(FieldType.MULTI_SELECT);
        assertThat(FieldType.ofCode("MULTI_SELECT")).isEmpty();
        assertThat(FieldType.ofCode("colour")).isEmpty();
    }

    @Test
    void contradictoryOrInvalidRules() {
        List<FieldDefinition> defs = List.of(
                text("ok"),
                FieldDefinition.builder("amount", "金额", FieldType.MONEY)
                        .range(BigDecimal.TEN, BigDecimal.ONE)
                        .scale(-1)
                        .build(),
                FieldDefinition.builder("name", "名称", FieldType.TEXT)
                        .length(10, 5)
                        .pattern("([a-z", null)
                        .build(),
                FieldDefinition.builder("kind", "类型", FieldType.SELECT).build(),
                FieldDefinition.builder("tags", "标签", FieldType.MULTI_SELECT)
                        .options(List.of(FieldOption.of("a", "甲"), FieldOption.of("a", "乙")))
                        .build(),
                FieldDefinition.builder("score", "评分", FieldType.RATING)
                        .ratingMax(7)
                        .build(),
                FieldDefinition.builder("pics", "图片", FieldType.IMAGE)
                        .files(-1, -2L, List.of())
                        .build(),
                FieldDefinition.builder("extra", "补充", FieldType.TEXT)
                        .visibleWhen(new VisibleWhen("nope", List.of("a")))
                        .build(),
                FieldDefinition.builder("self", "自身", FieldType.TEXT)
                        .visibleWhen(new VisibleWhen("self", List.of()))
                        .build());
        assertThat(FieldDefinitions.check(defs))
                .containsExactly(
                        new FieldError("fields[1].scale", "{fielddef.negative}"),
                        new FieldError("fields[1].min", "{fielddef.min-above-max}"),
                        new FieldError("fields[2].minLength", "{fielddef.min-above-max}"),
                        new FieldError("fields[2].pattern", "{fielddef.pattern.invalid}"),
                        new FieldError("fields[3].options", "{fielddef.options.required}"),
                        new FieldError("fields[4].options[1].value", "{fielddef.options.duplicate}"),
                        new FieldError("fields[5].ratingMax", "{fielddef.rating-max}"),
                        new FieldError("fields[6].maxFiles", "{fielddef.negative}"),
                        new FieldError("fields[6].maxFileSize", "{fielddef.negative}"),
                        new FieldError("fields[7].visibleWhen.fieldKey", "{fielddef.visible-when.unknown}"),
                        new FieldError("fields[8].visibleWhen.fieldKey", "{fielddef.visible-when.self}"),
                        new FieldError("fields[8].visibleWhen.values", "{field.required}"));
    }

    @Test
    void anInvalidDefaultValueIsReported() {
        FieldDefinition rating = FieldDefinition.builder("score", "评分", FieldType.RATING)
                .defaultValue(6)
                .build();
        assertThat(FieldDefinitions.check(List.of(rating)))
                .containsExactly(new FieldError("fields[0].defaultValue", "{field.not-rating}"));
    }
}
