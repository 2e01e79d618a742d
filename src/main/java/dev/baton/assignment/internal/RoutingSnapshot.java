package dev.baton.assignment.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One tenant's routing configuration compiled once and shared by every decision until it changes: the enabled
 * rules in order, one automaton over all rule keywords, one over the classification keywords.
 */
record RoutingSnapshot(
        List<CompiledRule> rules, KeywordIndex<Boolean> ruleKeywords, KeywordIndex<KeywordEntry> classification) {

    /** A classification keyword: what finding it implies. */
    record KeywordEntry(
            String keyword,
            @org.jspecify.annotations.Nullable String category,
            @org.jspecify.annotations.Nullable Long templateId,
            @org.jspecify.annotations.Nullable String priority,
            List<String> tags) {}

    static RoutingSnapshot of(List<CompiledRule> rules, List<KeywordEntry> keywords) {
        Map<String, Boolean> ruleKeywords = new HashMap<>();
        rules.forEach(r -> r.keywords().forEach(k -> ruleKeywords.put(k, Boolean.TRUE)));
        Map<String, KeywordEntry> entries = new HashMap<>();
        keywords.forEach(k -> entries.putIfAbsent(Text.normalize(k.keyword()), k));
        return new RoutingSnapshot(List.copyOf(rules), new KeywordIndex<>(ruleKeywords), new KeywordIndex<>(entries));
    }
}
