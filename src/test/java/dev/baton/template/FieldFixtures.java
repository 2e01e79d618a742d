package dev.baton.template;

import static dev.baton.template.FieldType.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** One field definition of every type, with rules the value generators know about. */
final class FieldFixtures {

    static final List<FieldOption> OPTIONS = List.of(
            FieldOption.of("a", "甲"),
            FieldOption.of("b", "乙"),
            FieldOption.of("c", "丙"),
            new FieldOption("x", "停用", true));

    private FieldFixtures() {}

    /** The definition used for {@code type}, keyed by the type's code plus {@code suffix}. */
    static FieldDefinition definition(FieldType type, String suffix) {
        FieldDefinitionBuilder b =
                FieldDefinition.builder(type.code() + suffix, type.code(), type).required(true);
        return switch (type) {
            case TEXT -> b.length(2, 20).pattern("[a-z ]+", "{custom.pattern}").build();
            case TEXTAREA -> b.length(null, 100).build();
            case NUMBER ->
                b.range(new BigDecimal("-1000"), new BigDecimal("1000"))
                        .scale(2)
                        .build();
            case MONEY -> b.range(BigDecimal.ZERO, new BigDecimal("1000000")).build();
            case SELECT, MULTI_SELECT -> b.options(OPTIONS).build();
            case RATING -> b.ratingMax(10).build();
            case IMAGE -> b.files(3, 1_000_000L, List.of("image/png")).build();
            case CHAT_EXCERPT -> b.required(false).build();
            default -> b.build();
        };
    }

    static Map<FieldType, FieldDefinition> all() {
        return java.util.Arrays.stream(FieldType.values())
                .collect(java.util.stream.Collectors.toMap(t -> t, t -> definition(t, "_f")));
    }

    static final List<FieldType> ID_TYPES = List.of(USER, DEPARTMENT, CUSTOMER);
}
