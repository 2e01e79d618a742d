package dev.baton.template.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads JSON numbers (and, where allowed, numeric strings) as exact {@link BigDecimal}s. Doubles go through
 * their shortest decimal text ({@code 0.1} stays 0.1), never through double arithmetic.
 */
public final class Decimals {

    /** Plain decimal text only: no exponent, so a short string cannot stand for a huge number. */
    private static final Pattern NUMERIC = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");

    private Decimals() {}

    /** The exact value, or empty if it is not a finite number (or numeric string when allowed). */
    public static Optional<BigDecimal> parse(Object value, boolean allowString) {
        try {
            return switch (value) {
                case BigDecimal d -> Optional.of(d);
                case BigInteger i -> Optional.of(new BigDecimal(i));
                case Integer i -> Optional.of(BigDecimal.valueOf(i));
                case Long l -> Optional.of(BigDecimal.valueOf(l));
                case Short s -> Optional.of(BigDecimal.valueOf(s));
                case Byte b -> Optional.of(BigDecimal.valueOf(b));
                // NaN and infinities fail here and count as "not a number".
                case Double d -> Optional.of(new BigDecimal(String.valueOf(d)));
                case Float f -> Optional.of(new BigDecimal(String.valueOf(f)));
                case String s
                when allowString && NUMERIC.matcher(s.strip()).matches() -> Optional.of(new BigDecimal(s.strip()));
                default -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Decimal places actually used: 1.50 has one, 100 has none. */
    public static int places(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    /** Whether the value is a whole number. */
    public static boolean isIntegral(BigDecimal value) {
        return places(value) == 0;
    }
}
