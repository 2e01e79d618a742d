package dev.baton.intake.internal;

import dev.baton.template.FieldAccess;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldType;
import dev.baton.template.VisibleWhen;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A template field as a public form renders it. Only fields every role may see and write are offered; fields that
 * name Baton's own records (a user, a department, the customer) or take uploads are left out: the customer field
 * is filled with the submitter, a required phone field with the phone they gave.
 */
record PublicField(
        String key,
        String label,
        @Nullable String labelEn,
        @Nullable String helpText,
        String type,
        boolean required,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        @Nullable Integer minLength,
        @Nullable Integer maxLength,
        @Nullable String pattern,
        @Nullable String patternMessage,
        List<Option> options,
        @Nullable VisibleWhen visibleWhen) {

    record Option(String value, String label) {}

    private static final Set<FieldType> NOT_PUBLIC = Set.of(
            FieldType.USER,
            FieldType.DEPARTMENT,
            FieldType.CUSTOMER,
            FieldType.IMAGE,
            FieldType.FILE,
            FieldType.CHAT_EXCERPT);

    static boolean offered(FieldDefinition d) {
        return !NOT_PUBLIC.contains(d.type()) && FieldAccess.canEdit(d, Set.of());
    }

    static List<PublicField> of(List<FieldDefinition> defs) {
        return defs.stream().filter(PublicField::offered).map(PublicField::of).toList();
    }

    private static PublicField of(FieldDefinition d) {
        return new PublicField(
                d.key(),
                d.label(),
                d.labelEn(),
                d.helpText(),
                d.type().code(),
                d.required(),
                d.min(),
                d.max(),
                d.minLength(),
                d.maxLength(),
                d.pattern(),
                d.patternMessage(),
                d.options().stream()
                        .filter(o -> !o.disabled())
                        .map(o -> new Option(o.value(), o.label()))
                        .toList(),
                d.visibleWhen());
    }
}
