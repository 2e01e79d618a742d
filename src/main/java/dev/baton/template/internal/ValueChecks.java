package dev.baton.template.internal;

import dev.baton.platform.FieldError;
import dev.baton.template.FieldDefinition;
import java.util.List;

/** Checks one present (non-null) value against its field's type and rules. */
public final class ValueChecks {

    private ValueChecks() {}

    /** Adds every failure to {@code out}; {@code field} is the name errors carry (the field key). */
    public static void check(FieldDefinition def, String field, Object value, List<FieldError> out) {
        switch (def.type()) {
            case TEXT, TEXTAREA -> ScalarChecks.text(def, field, value, out);
            case NUMBER -> ScalarChecks.decimal(def, field, value, false, out);
            // Money may come as a string so that clients can avoid binary floating point altogether.
            case MONEY -> ScalarChecks.decimal(def, field, value, true, out);
            case DATE -> ScalarChecks.date(field, value, out);
            case DATETIME -> ScalarChecks.dateTime(field, value, out);
            case SELECT -> CompositeChecks.select(def, field, value, out);
            case MULTI_SELECT -> CompositeChecks.multiSelect(def, field, value, out);
            case RATING -> ScalarChecks.rating(def, field, value, out);
            case IMAGE, FILE -> CompositeChecks.attachments(def, field, value, out);
            case PHONE -> ScalarChecks.phone(field, value, out);
            case EMAIL -> ScalarChecks.email(field, value, out);
            case USER, DEPARTMENT, CUSTOMER -> ScalarChecks.id(field, value, out);
            case REGION -> CompositeChecks.region(field, value, out);
            // Filled by the system from the conversation; a client may never set it.
            case CHAT_EXCERPT -> out.add(new FieldError(field, "{field.read-only}"));
        }
    }
}
