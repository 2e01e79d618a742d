package dev.baton.assignment.internal;

import static dev.baton.platform.db.Tables.TEMPLATES;

import dev.baton.flow.AssigneeResolver;
import dev.baton.flow.RulesPreview;
import dev.baton.platform.FieldError;
import dev.baton.platform.OrgDirectory;
import dev.baton.platform.ValidationException;
import dev.baton.ticket.TicketRouting;
import dev.baton.ticket.TicketSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /explain}: a sample ticket through the same classification and decision a real one gets, without
 * moving round-robin cursors: which rule matched (and why the ones above it did not), each candidate and why it
 * was skipped, and who would get the ticket. Also the flow sandbox's {@link RulesPreview}.
 */
@Service
class Explaining implements RulesPreview {

    static final int MAX_CANDIDATES = 200;
    private static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");

    private final Routing routing;
    private final OrgDirectory org;
    private final DSLContext db;

    Explaining(Routing routing, OrgDirectory org, DSLContext db) {
        this.routing = routing;
        this.org = org;
        this.db = db;
    }

    /** A sample ticket; {@code customer} holds {@code level} and {@code region}. */
    record Sample(
            @Nullable Long templateId,
            @Nullable String templateCode,
            @Nullable String source,
            @Nullable String channel,
            @Nullable String priority,
            @Nullable String title,
            @Nullable String description,
            @Nullable String chatExcerpt,
            @Nullable Map<String, @Nullable Object> fields,
            @Nullable Map<String, @Nullable Object> customer) {}

    record Candidate(
            long userId,
            @Nullable String name,
            @Nullable String skipped,
            @Nullable Integer load,
            boolean chosen) {}

    record Chosen(
            @Nullable Long userId,
            @Nullable String userName,
            @Nullable String roleCode,
            @Nullable Long departmentId,
            boolean pool) {}

    record Explanation(
            TicketRouting.Classification classification,
            String priority,
            List<Decision.RuleCheck> rules,
            @Nullable Long matchedRuleId,
            @Nullable String matchedRule,
            @Nullable String strategy,
            List<Candidate> candidates,
            int candidateCount,
            Chosen chosen,
            String outcome) {}

    @Transactional(readOnly = true)
    Explanation explain(long tenantId, Sample s) {
        List<FieldError> errors = new ArrayList<>();
        String source = s.source() == null ? "api" : s.source();
        if (TicketSource.ofCode(source).isEmpty()) {
            errors.add(new FieldError("source", "{assignment.source.unknown}"));
        }
        if (s.priority() != null && !PRIORITIES.contains(s.priority())) {
            errors.add(new FieldError("priority", "{assignment.priority.unknown}"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String text = String.join(
                "\n",
                s.title() == null ? "" : s.title(),
                s.description() == null ? "" : s.description().replaceAll("<[^>]*>", " "),
                s.chatExcerpt() == null ? "" : s.chatExcerpt());
        TicketRouting.Classification classification = this.routing.classify(tenantId, text);
        String priority = s.priority() != null
                ? s.priority()
                : classification.priority() != null ? classification.priority() : "normal";
        Long templateId = s.templateId() != null ? s.templateId() : classification.templateId();
        String templateCode = s.templateCode();
        if (templateCode == null && templateId != null) {
            templateCode = templateCode(tenantId, templateId);
        }
        var request = new TicketRouting.RoutingRequest(
                tenantId,
                "sample",
                templateId,
                templateCode,
                source,
                s.channel() == null || s.channel().isBlank()
                        ? null
                        : s.channel().strip(),
                priority,
                text,
                s.fields() == null ? Map.of() : s.fields(),
                s.customer() == null ? Map.of() : s.customer(),
                null,
                null);
        Decision d = this.routing.decide(request, true);
        List<Decision.Candidate> shown =
                d.candidates().stream().limit(MAX_CANDIDATES).toList();
        List<Long> ids =
                new ArrayList<>(shown.stream().map(Decision.Candidate::userId).toList());
        if (d.route().userId() != null) {
            ids.add(d.route().userId());
        }
        Map<Long, String> names = this.org.names(tenantId, ids);
        var route = d.route();
        return new Explanation(
                classification,
                priority,
                d.rules(),
                d.ruleId(),
                d.ruleName(),
                d.strategy(),
                shown.stream()
                        .map(c -> new Candidate(c.userId(), names.get(c.userId()), c.skipped(), c.load(), c.chosen()))
                        .toList(),
                d.candidates().size(),
                new Chosen(
                        route.userId(),
                        route.userId() == null ? null : names.get(route.userId()),
                        route.roleCode(),
                        route.departmentId(),
                        route.userId() == null && route.roleCode() == null && route.departmentId() == null),
                d.outcome());
    }

    /** The flow sandbox's question: the same decision, for a node of a flow run on sample values. */
    @Override
    @Transactional(readOnly = true)
    public Preview preview(
            long tenantId,
            long templateId,
            String nodeId,
            Map<String, @Nullable Object> fields,
            Map<String, @Nullable Object> facts,
            @Nullable Long creatorId,
            @Nullable Long departmentId) {
        Map<String, @Nullable Object> customer = new HashMap<>();
        facts.forEach((key, value) -> {
            if (key.startsWith("customer.")) {
                customer.put(key.substring("customer.".length()), value);
            }
        });
        String text = String.join(
                "\n",
                String.valueOf(Objects.requireNonNullElse(facts.get("ticket.title"), "")),
                String.valueOf(Objects.requireNonNullElse(facts.get("ticket.description"), "")));
        var request = new TicketRouting.RoutingRequest(
                tenantId,
                nodeId,
                templateId,
                templateCode(tenantId, templateId),
                String.valueOf(Objects.requireNonNullElse(facts.get("ticket.source"), "api")),
                facts.get("ticket.channel") instanceof String channel ? channel : null,
                String.valueOf(Objects.requireNonNullElse(facts.get("ticket.priority"), "normal")),
                text,
                fields,
                customer,
                creatorId,
                departmentId);
        Decision d = this.routing.decide(request, true);
        TicketRouting.Route route = d.route();
        AssigneeResolver.Resolution resolution = route.userId() != null
                ? new AssigneeResolver.Resolution.Person(route.userId())
                : route.roleCode() != null
                        ? new AssigneeResolver.Resolution.RoleHolders(route.roleCode())
                        : route.departmentId() != null
                                ? new AssigneeResolver.Resolution.DepartmentMembers(route.departmentId())
                                : new AssigneeResolver.Resolution.Nobody(AssigneeResolver.Reason.RULES);
        return new Preview(resolution, d.ruleName(), d.outcome());
    }

    private @Nullable String templateCode(long tenantId, long templateId) {
        return this.db
                .select(TEMPLATES.CODE)
                .from(TEMPLATES)
                .where(TEMPLATES.TENANT_ID.eq(tenantId), TEMPLATES.ID.eq(templateId))
                .fetchOne(TEMPLATES.CODE);
    }
}
