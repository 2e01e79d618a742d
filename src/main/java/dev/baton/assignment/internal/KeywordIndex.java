package dev.baton.assignment.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * Thousands of keywords found in one pass over a text (Aho–Corasick), with a payload per keyword. Keys are
 * already {@link Text#normalize normalised}; so is the text given to {@link #find}. Overlapping keywords are all
 * reported ("水管漏水" finds both 水管 and 漏水), ordered by where they start, the longer first.
 */
final class KeywordIndex<T> {

    private final Trie trie;
    private final Map<String, T> payloads;

    KeywordIndex(Map<String, T> payloads) {
        this.payloads = Map.copyOf(payloads);
        this.trie = Trie.builder().addKeywords(payloads.keySet()).build();
    }

    /** The keywords in {@code normalizedText}, each once, with their payloads, in text order. */
    Map<String, T> find(String normalizedText) {
        if (this.payloads.isEmpty() || normalizedText.isEmpty()) {
            return Map.of();
        }
        List<Emit> emits = new ArrayList<>(this.trie.parseText(normalizedText));
        emits.sort(Comparator.comparingInt(Emit::getStart).thenComparing(e -> -e.size()));
        Map<String, T> found = new LinkedHashMap<>();
        for (Emit e : emits) {
            found.putIfAbsent(e.getKeyword(), this.payloads.get(e.getKeyword()));
        }
        return found;
    }
}
