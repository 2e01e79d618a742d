package dev.baton.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldIndexTest {

    @Test
    void searchableValuesBecomeTypedEntriesAndOthersAreLeftOut() {
        List<FieldDefinition> defs = List.of(
                FieldDefinition.builder("device_model", "型号", FieldType.TEXT)
                        .searchable(true)
                        .build(),
                FieldDefinition.builder("amount", "金额", FieldType.MONEY)
                        .searchable(true)
                        .build(),
                FieldDefinition.builder("visit", "上门日期", FieldType.DATE)
                        .searchable(true)
                        .build(),
                FieldDefinition.builder("seen_at", "时间", FieldType.DATETIME)
                        .searchable(true)
                        .build(),
                FieldDefinition.builder("tags", "标签", FieldType.MULTI_SELECT)
                        .options(List.of(FieldOption.of("a", "A"), FieldOption.of("b", "B")))
                        .searchable(true)
                        .build(),
                FieldDefinition.builder("region", "地区", FieldType.REGION)
                        .searchable(true)
                        .build(),
                FieldDefinition.builder("notes", "备注", FieldType.TEXTAREA).build());
        Map<String, Object> values = Map.of(
                "device_model", "X200",
                "amount", "1999.90",
                "visit", "2026-12-01",
                "seen_at", "2026-12-01T09:30:00+08:00",
                "tags", List.of("a", "b"),
                "region", Map.of("province", "广东省", "city", "深圳市"),
                "notes", "不索引");

        List<FieldIndex.Entry> entries = FieldIndex.entries(defs, values);

        assertThat(entries)
                .containsExactly(
                        new FieldIndex.Entry("device_model", "X200", null, null, null),
                        new FieldIndex.Entry("amount", null, new BigDecimal("1999.90"), null, null),
                        new FieldIndex.Entry("visit", null, null, LocalDate.parse("2026-12-01"), null),
                        new FieldIndex.Entry("seen_at", null, null, null, Instant.parse("2026-12-01T01:30:00Z")),
                        new FieldIndex.Entry("tags", "a", null, null, null),
                        new FieldIndex.Entry("tags", "b", null, null, null),
                        new FieldIndex.Entry("region", "广东省/深圳市/", null, null, null));
    }
}
