package dev.baton.flow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionEvaluatorTest {

    private static final String WHEN_HAPPENED = "fields.happened < timestamp('2026-01-01T00:00:00Z')";
    private static final String WHEN_VIP = "customer.level == 'vip' || fields.stars >= 4";

    private final ConditionEvaluator evaluator = new ConditionEvaluator(
            List.of(
                    FieldDefinition.builder("happened", "发生时间", FieldType.DATETIME)
                            .build(),
                    FieldDefinition.builder("stars", "评分", FieldType.RATING).build()),
            List.of(WHEN_HAPPENED, WHEN_VIP));

    @Test
    void valuesAreConvertedToTheirCelTypes() throws Exception {
        assertThat(this.evaluator.holds(WHEN_HAPPENED, Map.of("happened", "2025-06-01T08:00:00Z"), Map.of()))
                .isTrue();
        assertThat(this.evaluator.holds(WHEN_VIP, Map.of("stars", 5), Map.of("customer.level", "basic")))
                .isTrue();
    }

    @Test
    void aValueThatIsNotFilledInMakesTheConditionFalse() throws Exception {
        Map<String, Object> blank = new HashMap<>();
        blank.put("stars", null);
        assertThat(this.evaluator.holds(WHEN_VIP, blank, Map.of("customer.level", "vip")))
                .isFalse();
        assertThat(this.evaluator.holds(WHEN_HAPPENED, Map.of("happened", " "), Map.of()))
                .isFalse();
    }

    @Test
    void aValueOfTheWrongTypeIsAFailure() {
        assertThatExceptionOfType(ConditionEvaluator.Failure.class)
                .isThrownBy(() -> this.evaluator.holds(WHEN_HAPPENED, Map.of("happened", "yesterday"), Map.of()));
        assertThatExceptionOfType(ConditionEvaluator.Failure.class)
                .isThrownBy(() -> this.evaluator.holds(WHEN_VIP, Map.of("stars", 4.5), Map.of("customer.level", "x")));
    }
}
