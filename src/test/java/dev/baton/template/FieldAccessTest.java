package dev.baton.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldAccessTest {

    private final FieldDefinition description =
            FieldDefinition.builder("description", "描述", FieldType.TEXTAREA).build();
    private final FieldDefinition costPrice = FieldDefinition.builder("cost_price", "成本价", FieldType.MONEY)
            .visibleTo(List.of("admin", "supervisor"))
            .build();
    private final FieldDefinition discount = FieldDefinition.builder("discount", "折扣", FieldType.NUMBER)
            .editableBy(List.of("supervisor"))
            .build();
    private final List<FieldDefinition> defs = List.of(this.description, this.costPrice, this.discount);
    private final Map<String, Object> values = Map.of("description", "漏水", "cost_price", "80.00", "discount", 10);

    @Test
    void anEngineerReadsNeitherTheCostPriceNorAnythingUnknown() {
        Map<String, Object> withStray = new java.util.HashMap<>(this.values);
        withStray.put("stray", "x");

        assertThat(FieldAccess.readable(this.defs, withStray, Set.of("engineer")))
                .containsOnlyKeys("description", "discount");
        assertThat(FieldAccess.readable(this.defs, this.values, Set.of("supervisor")))
                .containsOnlyKeys("description", "cost_price", "discount");
    }

    @Test
    void writesNameEveryFieldTheRolesMayNotChange() {
        assertThat(FieldAccess.refusedWrites(
                        this.defs, List.of("description", "cost_price", "discount"), Set.of("engineer")))
                .containsExactly("cost_price", "discount");
        assertThat(FieldAccess.refusedWrites(this.defs, List.of("cost_price", "discount"), Set.of("supervisor")))
                .isEmpty();
        // an administrator may see the cost price, but the discount is the supervisor's call
        assertThat(FieldAccess.refusedWrites(this.defs, List.of("cost_price", "discount"), Set.of("admin")))
                .containsExactly("discount");
    }

    @Test
    void aFieldOnlySomeMaySeeIsEditableOnlyByThem() {
        assertThat(FieldAccess.canEdit(this.costPrice, Set.of("engineer"))).isFalse();
        assertThat(FieldAccess.visibleDefinitions(this.defs, Set.of("agent")))
                .extracting(FieldDefinition::key)
                .containsExactly("description", "discount");
    }
}
