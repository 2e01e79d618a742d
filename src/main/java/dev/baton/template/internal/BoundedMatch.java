package dev.baton.template.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs a template's regular expression with a budget of character reads, so that a pattern prone to
 * catastrophic backtracking — {@code (a+)+$} on a long input — ends with "too complex" instead of
 * holding a request thread for minutes. Counting reads rather than time keeps the outcome the same
 * on every machine. Compiled patterns are cached: the same few patterns are used for every ticket.
 */
final class BoundedMatch {

    /** Ample for any sane pattern over the longest allowed text (10,000 characters). */
    static final long BUDGET = 2_000_000;

    private static final Cache<String, Pattern> PATTERNS =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private BoundedMatch() {}

    /** Whether {@code text} matches; empty when the budget ran out. */
    static Optional<Boolean> matches(String regex, String text) {
        Pattern pattern = PATTERNS.get(regex, Pattern::compile);
        try {
            return Optional.of(pattern.matcher(new Budgeted(text, BUDGET)).matches());
        } catch (BudgetExhausted e) {
            return Optional.empty();
        }
    }

    private static final class BudgetExhausted extends RuntimeException {
        BudgetExhausted() {
            super(null, null, false, false);
        }
    }

    private static final class Budgeted implements CharSequence {

        private final String text;
        private final long[] left;

        Budgeted(String text, long budget) {
            this(text, new long[] {budget});
        }

        private Budgeted(String text, long[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public char charAt(int index) {
            if (--this.left[0] < 0) {
                throw new BudgetExhausted();
            }
            return this.text.charAt(index);
        }

        @Override
        public int length() {
            return this.text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(this.text.substring(start, end), this.left);
        }

        @Override
        public String toString() {
            return this.text;
        }
    }
}
