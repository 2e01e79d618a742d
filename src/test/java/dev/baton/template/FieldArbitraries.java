package dev.baton.template;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Valid and invalid values for the definitions of {@link FieldFixtures}, per field type. */
final class FieldArbitraries {

    private FieldArbitraries() {}

    private static Arbitrary<String> lower(int min, int max) {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(min).ofMaxLength(max);
    }

    private static Arbitrary<String> digits(int min, int max) {
        return Arbitraries.strings().numeric().ofMinLength(min).ofMaxLength(max);
    }

    private static Arbitrary<LocalDate> dates() {
        return Arbitraries.longs()
                .between(
                        LocalDate.of(1900, 1, 1).toEpochDay(),
                        LocalDate.of(2100, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    private static Arbitrary<Object> ids() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, Long.MAX_VALUE).map(l -> (Object) l),
                Arbitraries.integers().between(1, Integer.MAX_VALUE).map(i -> (Object) i),
                Arbitraries.longs().between(1, Long.MAX_VALUE).map(l -> (Object) Long.toString(l)));
    }

    /** Values that every rule of the type's fixture accepts; null means "leave it out". */
    static Arbitrary<Object> valid(FieldType type) {
        Arbitrary<?> values = switch (type) {
            case TEXT -> lower(2, 20);
            case TEXTAREA ->
                Arbitraries.strings().ofMinLength(1).ofMaxLength(100).filter(s -> !s.isBlank());
            case NUMBER ->
                Arbitraries.oneOf(
                        Arbitraries.bigDecimals()
                                .between(new BigDecimal("-1000"), new BigDecimal("1000"))
                                .ofScale(2),
                        Arbitraries.integers().between(-1000, 1000));
            case MONEY ->
                Arbitraries.bigDecimals()
                        .between(BigDecimal.ZERO, new BigDecimal("1000000"))
                        .ofScale(2)
                        .flatMap(d -> Arbitraries.of(d, d.toPlainString(), d.doubleValue()));
            case DATE -> dates().map(LocalDate::toString);
            case DATETIME ->
                Combinators.combine(
                                dates(),
                                Arbitraries.integers().between(0, 86_399),
                                Arbitraries.integers().between(-12, 14))
                        .as((d, s, h) -> LocalDateTime.of(d, java.time.LocalTime.ofSecondOfDay(s))
                                .atOffset(ZoneOffset.ofHours(h))
                                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            case SELECT -> Arbitraries.of("a", "b", "c");
            case MULTI_SELECT ->
                Arbitraries.of("a", "b", "c").set().ofMinSize(1).map(ArrayList::new);
            case RATING -> Arbitraries.integers().between(1, 10);
            case IMAGE -> lower(1, 36).list().ofMinSize(1).ofMaxSize(3);
            case FILE -> lower(1, 36).list().ofMinSize(1).ofMaxSize(20);
            case PHONE ->
                Arbitraries.oneOf(
                        Combinators.combine(Arbitraries.integers().between(3, 9), digits(9, 9))
                                .as((second, rest) -> "1" + second + rest),
                        digits(5, 15).map(d -> "+" + d),
                        Combinators.combine(digits(2, 4), digits(6, 8)).as((area, no) -> area + "-" + no));
            case EMAIL ->
                Combinators.combine(lower(1, 20), lower(1, 20), lower(2, 6))
                        .as((user, host, tld) -> user + "@" + host + "." + tld);
            case USER, DEPARTMENT, CUSTOMER -> ids();
            case REGION ->
                Combinators.combine(lower(1, 10), lower(0, 10), lower(0, 10)).as((p, c, d) -> {
                    Map<String, Object> region = new HashMap<>(Map.of("province", p));
                    if (!c.isEmpty()) region.put("city", c);
                    if (!d.isEmpty()) region.put("district", d);
                    return region;
                });
            case CHAT_EXCERPT -> Arbitraries.just(null);
        };
        return values.map(v -> (Object) v);
    }

    /** Each kind of wrong value for the type's fixture, all non-empty so that they reach the type check. */
    static Arbitrary<Object> invalid(FieldType type) {
        Arbitrary<Object> wrongKind =
                Arbitraries.of(true, List.of(Map.of("k", 1)), Map.of("q", "r")).map(v -> (Object) v);
        Arbitrary<?> specific = switch (type) {
            case TEXT ->
                Arbitraries.oneOf(lower(1, 1), lower(21, 40), lower(3, 10).map(s -> s + "7"));
            case TEXTAREA -> lower(101, 200);
            case NUMBER ->
                Arbitraries.oneOf(
                        Arbitraries.integers().between(1001, 1_000_000),
                        Arbitraries.integers().between(0, 999).map(i -> new BigDecimal(i + ".001")),
                        Arbitraries.of("12", "1.5"),
                        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY));
            case MONEY ->
                Arbitraries.oneOf(
                        Arbitraries.integers().between(1, 1000).map(i -> -i),
                        Arbitraries.integers().between(0, 999).map(i -> i + ".005"),
                        Arbitraries.of("abc", "1e5", "1,000.00"),
                        Arbitraries.of(0.001, 1_000_000.01));
            case DATE -> Arbitraries.of("2024-02-30", "2024/01/01", "20240101", "2024-1-1", "+12024-01-01");
            case DATETIME -> Arbitraries.of("2024-01-01T10:00:00", "2024-01-01", "2024-01-01 10:00:00+08:00", "now");
            case SELECT -> Arbitraries.of("x", "zzz", "A");
            case MULTI_SELECT -> Arbitraries.of(List.of("a", "a"), List.of("x"), List.of("q"), List.of(1));
            case RATING ->
                Arbitraries.oneOf(
                        Arbitraries.integers().between(-5, 0),
                        Arbitraries.integers().between(11, 100),
                        Arbitraries.of(2.5, "5"));
            case IMAGE ->
                Arbitraries.oneOf(lower(1, 10).list().ofMinSize(4).ofMaxSize(8), Arbitraries.of(List.of(" ")));
            case FILE -> Arbitraries.oneOf(lower(1, 10).list().ofMinSize(21).ofMaxSize(25), Arbitraries.of(List.of(7)));
            case PHONE -> Arbitraries.oneOf(lower(1, 12), digits(1, 4), Arbitraries.of("-----", "+", "1380013800a"));
            case EMAIL ->
                Arbitraries.oneOf(
                        lower(1, 20),
                        lower(1, 5).map(s -> s + " x@y.cn"),
                        lower(1, 5).map(s -> s + "@host"));
            case USER, DEPARTMENT, CUSTOMER ->
                Arbitraries.oneOf(
                        Arbitraries.longs().between(Long.MIN_VALUE, 0),
                        Arbitraries.of(1.5, "abc", "-3", "99999999999999999999"));
            case REGION ->
                Arbitraries.of(
                        Map.of("city", "x"),
                        Map.of("province", " "),
                        Map.of("province", "p", "town", "t"),
                        Map.of("province", "p", "city", 3),
                        "beijing");
            case CHAT_EXCERPT -> lower(1, 20);
        };
        Arbitrary<Object> own = specific.map(v -> (Object) v);
        // Any value is fine for a read-only field only in that it is refused, so wrong kinds apply to all.
        return Arbitraries.oneOf(own, wrongKind);
    }
}
