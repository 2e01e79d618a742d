package dev.baton.notify.internal;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mustache text of a notification template, {@code {{ticket.number}}} style. Variables are dotted names; values
 * are plain text (no HTML escaping: every channel sends text), a variable without a value renders empty.
 */
final class TemplateText {

    /** Every variable a template may use; the SLA module fills {@code node.*} and {@code sla.*}. */
    static final List<String> VARIABLES = List.of(
            "ticket.id",
            "ticket.number",
            "ticket.title",
            "ticket.priority",
            "ticket.status",
            "link",
            "node.id",
            "node.name",
            "sla.metric",
            "sla.dueAt",
            "pool.waitedMinutes",
            "automation.message",
            "actor.name",
            "recipient.name");

    private static final Mustache.Compiler COMPILER =
            Mustache.compiler().escapeHTML(false).defaultValue("").emptyStringIsFalse(true);

    private TemplateText() {}

    /** @throws MustacheException when the text does not compile */
    static Template compile(String text) {
        return COMPILER.compile(text);
    }

    static String render(String text, Map<String, String> variables) {
        return compile(text).execute(nested(variables));
    }

    /** The names the text refers to, in order of appearance. */
    static Set<String> names(Template template) {
        Set<String> names = new LinkedHashSet<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {}

            @Override
            public void visitVariable(String name) {
                names.add(name);
            }

            @Override
            public boolean visitInclude(String name) {
                names.add(">" + name);
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                names.add(name);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                names.add(name);
                return true;
            }
        });
        return names;
    }

    /** {@code ticket.number → x} becomes {@code ticket → {number → x}}, which is how Mustache resolves dots. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, String> flat) {
        Map<String, Object> root = new HashMap<>();
        flat.forEach((key, value) -> {
            String[] parts = key.split("\\.");
            Map<String, Object> at = root;
            for (int i = 0; i < parts.length - 1; i++) {
                Object next = at.computeIfAbsent(parts[i], k -> new HashMap<String, Object>());
                if (!(next instanceof Map)) {
                    return;
                }
                at = (Map<String, Object>) next;
            }
            at.put(parts[parts.length - 1], value);
        });
        return root;
    }
}
