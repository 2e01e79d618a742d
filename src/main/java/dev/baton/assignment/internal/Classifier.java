package dev.baton.assignment.internal;

import dev.baton.ticket.TicketRouting.Classification;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Keyword classification: the keywords found in a text, in text order (the longer of two starting at the same
 * place first); the first that names a category, template or priority decides it, tags come from all of them.
 */
final class Classifier {

    private Classifier() {}

    static Classification classify(RoutingSnapshot snapshot, String text) {
        var found = snapshot.classification().find(Text.normalize(text));
        if (found.isEmpty()) {
            return Classification.NONE;
        }
        String category = null;
        Long templateId = null;
        String priority = null;
        Set<String> tags = new LinkedHashSet<>();
        List<String> keywords = new ArrayList<>();
        for (RoutingSnapshot.KeywordEntry e : found.values()) {
            keywords.add(e.keyword());
            category = first(category, e.category());
            templateId = first(templateId, e.templateId());
            priority = first(priority, e.priority());
            tags.addAll(e.tags());
        }
        return new Classification(category, templateId, priority, List.copyOf(tags), keywords);
    }

    private static <T> @Nullable T first(@Nullable T current, @Nullable T candidate) {
        return current != null ? current : candidate;
    }
}
