package dev.baton.ticket.internal;

import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Terms for full-text search of tickets through a plain indexed table {@code (tenant_id, term,
 * ticket_id)}: a query is "every one of its terms is a row for the ticket", which is the same indexed
 * lookup on H2 and PostgreSQL and needs no dictionary, extension or word segmenter for Chinese.
 *
 * <p>Text is normalised with Unicode NFKC (full-width {@code ＸＡ２００} and the ideographic space become
 * {@code XA200} and a space) and lower-cased with {@link Locale#ROOT}. It then splits into runs:
 *
 * <ul>
 *   <li>a run of CJK characters (Han, Hiragana, Katakana, Hangul) gives every overlapping pair
 *       ({@code 空调漏水} → {@code 空调 调漏 漏水}), so any Chinese query of two or more characters is found
 *       without knowing where words end; a document's run of one character gives that character;
 *   <li>a run of other letters and digits (Latin, Cyrillic, …) is a word, kept whole when it has at
 *       least 2 characters and cut to its first {@value #MAX_WORD_LENGTH};
 *   <li>everything else (spaces, punctuation, symbols, emoji) only separates runs, and a change between
 *       CJK and other letters does too ({@code WiFi连不上} → {@code wifi 连不 不上}).
 * </ul>
 *
 * <p>Only whole words match: {@code X200} finds {@code x200} but neither {@code X2} nor {@code X2000}
 * (no prefix search). Every term is at most {@value #MAX_TERM_LENGTH} UTF-16 units (a bigram is at most 4,
 * a word at most 32 code points), which is the size the term column needs.
 */
public final class SearchTerms {

    /** Terms kept per document; the rest of a longer text (title, description, chat excerpt) is not indexed. */
    public static final int MAX_TERMS_PER_DOCUMENT = 2_000;

    /** Code points kept of a word. */
    public static final int MAX_WORD_LENGTH = 32;

    /** Upper bound of a term's {@link String#length()}. */
    public static final int MAX_TERM_LENGTH = 64;

    private static final int PROLONGED_SOUND_MARK = 0x30FC; // ー: a Katakana letter of script COMMON

    private SearchTerms() {}

    /**
     * The distinct terms of a document in order of first appearance, at most {@value
     * #MAX_TERMS_PER_DOCUMENT}: a ticket's text beyond that is only partially indexed (the terms of
     * its beginning are kept).
     */
    public static Set<String> ofDocument(String text) {
        Set<String> terms = new LinkedHashSet<>();
        scan(text, true, term -> {
            terms.add(term);
            return terms.size() < MAX_TERMS_PER_DOCUMENT;
        });
        return Collections.unmodifiableSet(terms);
    }

    /**
     * The distinct terms a query requires, all of them (AND), tokenised like a document. A document
     * that contains the query text, with the query's words whole, has every one of these terms.
     *
     * <p>What cannot be looked up is left out: words of one character and CJK runs of one character
     * (a document indexes such a character only where it stands alone, not inside {@code 漏水}). So a
     * one-character query such as {@code 漏} gives an empty list, and the caller falls back to a {@code
     * LIKE} scan; a query with such a fragment besides usable terms ({@code 空调 漏}) gives the usable
     * ones, which find a superset that the caller may narrow with {@code LIKE}. An empty list means "no
     * usable term", never "match everything". The caller bounds the query's length.
     */
    public static List<String> ofQuery(String query) {
        Set<String> terms = new LinkedHashSet<>();
        scan(query, false, term -> {
            terms.add(term);
            return true;
        });
        return List.copyOf(terms);
    }

    /** NFKC, then lower case: the form in which terms are compared. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private enum Kind {
        CJK,
        WORD,
        SEPARATOR
    }

    /** Feeds each term to {@code sink} until it returns false. */
    private static void scan(String text, boolean document, Predicate<String> sink) {
        String s = normalise(text);
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            Kind kind = kind(cp);
            if (kind == Kind.SEPARATOR) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            i += Character.charCount(cp);
            while (i < s.length()) {
                int next = s.codePointAt(i);
                if (kind(next) != kind && !isMark(next)) {
                    break;
                }
                i += Character.charCount(next);
            }
            String run = s.substring(start, i);
            boolean more = kind == Kind.CJK ? cjk(run, document, sink) : word(run, sink);
            if (!more) {
                return;
            }
        }
    }

    private static boolean cjk(String run, boolean document, Predicate<String> sink) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            return !document || sink.test(run);
        }
        for (int j = 0; j + 1 < cps.length; j++) {
            if (!sink.test(new String(cps, j, 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean word(String run, Predicate<String> sink) {
        int length = run.codePointCount(0, run.length());
        if (length < 2) {
            return true;
        }
        return sink.test(length > MAX_WORD_LENGTH ? run.substring(0, run.offsetByCodePoints(0, MAX_WORD_LENGTH)) : run);
    }

    private static Kind kind(int cp) {
        if (cp == PROLONGED_SOUND_MARK) {
            return Kind.CJK;
        }
        boolean letter = Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.LETTER_NUMBER;
        if (!letter && !isMark(cp)) {
            return Kind.SEPARATOR;
        }
        return switch (Character.UnicodeScript.of(cp)) {
            case HAN, HIRAGANA, KATAKANA, HANGUL -> letter ? Kind.CJK : Kind.SEPARATOR;
            default -> Kind.WORD;
        };
    }

    /** Combining marks belong to the run they follow (Devanagari vowel signs, a leftover accent). */
    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
