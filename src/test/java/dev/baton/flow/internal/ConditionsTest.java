package dev.baton.flow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldType;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private final Conditions conditions = new Conditions(List.of(
            FieldDefinition.builder("amount", "金额", FieldType.MONEY).build(),
            FieldDefinition.builder("stars", "评分", FieldType.RATING).build(),
            FieldDefinition.builder("tags", "标签", FieldType.MULTI_SELECT).build()));

    private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(Conditions.options())
            .build();

    private Object eval(String expression, Map<String, ?> activation) throws Exception {
        return this.runtime.createProgram(this.conditions.compile(expression)).eval(activation);
    }

    @Test
    void dottedFieldVariablesResolveAtRunTime() throws Exception {
        assertThat(eval("fields.amount > 5000", Map.of("fields.amount", 6000.0)))
                .isEqualTo(true);
        assertThat(eval("fields.amount > 5000", Map.of("fields.amount", 4999.99)))
                .isEqualTo(false);
        assertThat(eval(
                        "fields.stars >= 4.5 || fields.tags.exists(t, t == 'vip')",
                        Map.of("fields.stars", 4L, "fields.tags", List.of("vip"))))
                .isEqualTo(true);
        assertThat(eval("customer.level == 'vip'", Map.of("customer.level", "vip")))
                .isEqualTo(true);
    }

    @Test
    void compileRefusesWhatCheckRefuses() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> this.conditions.compile("fields.nope > 1"))
                .withMessage("{flow.when.unknown-field}");
        assertThat(this.conditions.check("fields.amount > 1")).isNull();
        assertThat(this.conditions.check(" ")).isEqualTo("{field.required}");
    }
}
