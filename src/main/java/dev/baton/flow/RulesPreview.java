package dev.baton.flow;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a node with assignee "by assignment rules" would get, for the flow sandbox: the tenant's routing rules asked
 * the way a real ticket asks them, but without taking a round-robin turn or writing anything. Declared here and
 * implemented by the assignment module (which depends on this one); without an implementation the sandbox says
 * the rules decide.
 */
public interface RulesPreview {

    /**
     * @param facts the sandbox's facts: {@code ticket.source}, {@code ticket.priority}, {@code customer.level},
     *     {@code customer.region}, {@code customer.tags}, and {@code ticket.title} / {@code ticket.description}
     *     for keyword conditions
     */
    Preview preview(
            long tenantId,
            long templateId,
            String nodeId,
            Map<String, @Nullable Object> fields,
            Map<String, @Nullable Object> facts,
            @Nullable Long creatorId,
            @Nullable Long departmentId);

    /**
     * The answer: a person, a role's holders, a department's members, or the pool ({@link
     * AssigneeResolver.Resolution.Nobody} with reason {@code RULES}).
     *
     * @param ruleName the rule that matched, null when none did
     * @param outcome the assignment module's outcome code ({@code chosen}, {@code no_rule}, {@code fallback_pool}…)
     */
    record Preview(
            AssigneeResolver.Resolution resolution,
            @Nullable String ruleName,
            String outcome) {}
}
