package dev.baton.template;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns the values of searchable fields into typed index rows (one per value; a multi-select gives
 * one per option), so that a filter such as {@code device_model = 'X200' and amount between 1000 and
 * 5000} is an indexed lookup on {@code (tenant, template, field, typed value)} instead of a scan of
 * JSON. Values are assumed valid ({@link FieldValues#validate} ran first).
 */
public final class FieldIndex {

    private FieldIndex() {}

    /** One typed value of one field; exactly one of the value components is set. */
    public record Entry(
            String fieldKey,
            @Nullable String text,
            @Nullable BigDecimal number,
            @Nullable LocalDate date,
            @Nullable Instant instant) {}

    public static List<Entry> entries(List<FieldDefinition> defs, Map<String, ? extends @Nullable Object> values) {
        List<Entry> entries = new ArrayList<>();
        for (FieldDefinition def : defs) {
            Object value = values.get(def.key());
            if (!def.searchable() || value == null) {
                continue;
            }
            String key = def.key();
            switch (def.type()) {
                case NUMBER, MONEY, RATING, USER, DEPARTMENT, CUSTOMER ->
                    entries.add(new Entry(key, null, new BigDecimal(String.valueOf(value)), null, null));
                case DATE -> entries.add(new Entry(key, null, null, LocalDate.parse(String.valueOf(value)), null));
                case DATETIME ->
                    entries.add(new Entry(
                            key,
                            null,
                            null,
                            null,
                            OffsetDateTime.parse(String.valueOf(value)).toInstant()));
                case MULTI_SELECT, IMAGE, FILE -> {
                    for (Object item : (List<?>) value) {
                        entries.add(new Entry(key, String.valueOf(item), null, null, null));
                    }
                }
                // province/city/district as a path, so "all of 广东省" is a prefix match
                case REGION -> entries.add(new Entry(key, regionPath((Map<?, ?>) value), null, null, null));
                default -> entries.add(new Entry(key, String.valueOf(value), null, null, null));
            }
        }
        return entries;
    }

    private static String regionPath(Map<?, ?> region) {
        StringBuilder path = new StringBuilder();
        for (String level : List.of("province", "city", "district")) {
            Object part = region.get(level);
            if (part == null || String.valueOf(part).isBlank()) {
                break;
            }
            path.append(part).append('/');
        }
        return path.toString();
    }
}
