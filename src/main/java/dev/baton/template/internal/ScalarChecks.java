package dev.baton.template.internal;

import dev.baton.platform.FieldError;
import dev.baton.template.FieldDefinition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks of single-valued fields: text, numbers, dates, contact details and ids. */
final class ScalarChecks {

    /** Strict so that 2024-02-30 is refused rather than moved to 03-01. */
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern OTHER_PHONE = Pattern.compile("\\+?[0-9 -]{5,20}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");
    private static final Pattern ID = Pattern.compile("\\d{1,19}");

    private ScalarChecks() {}

    static void text(FieldDefinition def, String field, Object value, List<FieldError> out) {
        if (!(value instanceof String s)) {
            out.add(new FieldError(field, "{field.not-text}"));
            return;
        }
        int length = s.codePointCount(0, s.length());
        if (def.minLength() != null && length < def.minLength()) {
            out.add(new FieldError(field, "{field.too-short}"));
        }
        if (length > def.effectiveMaxLength()) {
            // Too long: the pattern is not run, so a costly template regex never sees oversized input.
            out.add(new FieldError(field, "{field.too-long}"));
            return;
        }
        if (def.pattern() != null && !s.isEmpty()) {
            Optional<Boolean> matched = BoundedMatch.matches(def.pattern(), s);
            if (matched.isEmpty()) {
                out.add(new FieldError(field, "{field.pattern-too-complex}"));
            } else if (!matched.get()) {
                String message = def.patternMessage();
                out.add(new FieldError(field, message == null || message.isBlank() ? "{field.pattern}" : message));
            }
        }
    }

    /** Number and money: exact decimals, at most {@code scale} places, within min/max. */
    static void decimal(FieldDefinition def, String field, Object value, boolean allowString, List<FieldError> out) {
        BigDecimal number = Decimals.parse(value, allowString).orElse(null);
        if (number == null) {
            out.add(new FieldError(field, "{field.not-number}"));
            return;
        }
        Integer scale = def.effectiveScale();
        if (scale != null && Decimals.places(number) > scale) {
            out.add(new FieldError(field, scale == 0 ? "{field.not-integer}" : "{field.too-many-decimals}"));
        }
        if (def.min() != null && number.compareTo(def.min()) < 0) {
            out.add(new FieldError(field, "{field.too-small}"));
        }
        if (def.max() != null && number.compareTo(def.max()) > 0) {
            out.add(new FieldError(field, "{field.too-large}"));
        }
    }

    static void rating(FieldDefinition def, String field, Object value, List<FieldError> out) {
        BigDecimal number = Decimals.parse(value, false).orElse(null);
        if (number == null
                || !Decimals.isIntegral(number)
                || number.compareTo(BigDecimal.ONE) < 0
                || number.compareTo(BigDecimal.valueOf(def.effectiveRatingMax())) > 0) {
            out.add(new FieldError(field, "{field.not-rating}"));
        }
    }

    static void date(String field, Object value, List<FieldError> out) {
        try {
            if (value instanceof String s && s.length() == 10) {
                LocalDate.parse(s, DATE);
                return;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        out.add(new FieldError(field, "{field.not-date}"));
    }

    static void dateTime(String field, Object value, List<FieldError> out) {
        try {
            if (value instanceof String s && s.length() <= 40) {
                OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                return;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        out.add(new FieldError(field, "{field.not-datetime}"));
    }

    static void phone(String field, Object value, List<FieldError> out) {
        boolean ok = value instanceof String s
                && (MOBILE.matcher(s).matches()
                        // The loose form must still hold enough digits to be dialled.
                        || (OTHER_PHONE.matcher(s).matches()
                                && s.chars().filter(Character::isDigit).count() >= 5));
        if (!ok) {
            out.add(new FieldError(field, "{field.not-phone}"));
        }
    }

    static void email(String field, Object value, List<FieldError> out) {
        if (!(value instanceof String s && s.length() <= 254 && EMAIL.matcher(s).matches())) {
            out.add(new FieldError(field, "{field.not-email}"));
        }
    }

    /** User, department and customer ids: positive longs; digit strings too, as JavaScript loses big ids. */
    static void id(String field, Object value, List<FieldError> out) {
        BigDecimal number = value instanceof String s
                ? (ID.matcher(s).matches() ? new BigDecimal(s) : null)
                : Decimals.parse(value, false).orElse(null);
        if (number == null
                || !Decimals.isIntegral(number)
                || number.signum() <= 0
                || number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            out.add(new FieldError(field, "{field.not-id}"));
        }
    }
}
