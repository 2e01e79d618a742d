package dev.baton.sla.internal;

import dev.baton.flow.Priority;
import dev.baton.platform.FieldError;
import dev.baton.sla.BusinessDuration;
import dev.baton.ticket.TicketSource;
import dev.baton.ticket.TicketStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks a policy body and reports every problem at its path; nothing half-valid is stored. */
final class PolicyRules {

    static final Set<String> CHANNELS = Set.of("wecom", "email", "sms", "webhook", "in_app");
    static final Set<String> NOTIFY = Set.of("assignee", "assignee_leader", "role");
    static final int MAX_LEVELS = 3;
    static final int MAX_LEADER_LEVEL = 10;
    static final int MAX_NODES = 200;

    private PolicyRules() {}

    /** The checked definition, or null when {@code errors} got at least one entry. */
    static @Nullable PolicyDefinition check(PolicyCommand cmd, Set<String> roleCodes, List<FieldError> errors) {
        int before = errors.size();
        PolicyDefinition.Match match = match(cmd.match(), errors);
        String firstResponse = optionalDuration("firstResponse", cmd.firstResponse(), errors);
        String resolution = optionalDuration("resolution", cmd.resolution(), errors);
        Map<String, String> nodes = new LinkedHashMap<>();
        Map<String, @Nullable String> rawNodes = cmd.nodes() == null ? Map.of() : cmd.nodes();
        if (rawNodes.size() > MAX_NODES) {
            errors.add(new FieldError("nodes", "{sla.policy.too-many}"));
        }
        rawNodes.forEach((id, iso) -> {
            if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
                errors.add(new FieldError("nodes." + id, "{sla.policy.node-id}"));
            } else {
                String d = optionalDuration("nodes." + id, iso, errors);
                if (d == null && (iso == null || iso.isBlank())) {
                    errors.add(new FieldError("nodes." + id, "{sla.policy.duration}"));
                } else if (d != null) {
                    nodes.put(id, d);
                }
            }
        });
        if (firstResponse == null && resolution == null && rawNodes.isEmpty() && errors.size() == before) {
            errors.add(new FieldError("firstResponse", "{sla.policy.targets.none}"));
        }
        List<String> pauses = new ArrayList<>();
        List<@Nullable String> rawPauses = cmd.pauseStatuses() == null ? List.of() : cmd.pauseStatuses();
        for (int i = 0; i < rawPauses.size(); i++) {
            String s = rawPauses.get(i);
            if (s == null
                    || TicketStatus.ofCode(s).filter(TicketStatus::running).isEmpty()) {
                errors.add(new FieldError("pauseStatuses[" + i + "]", "{sla.policy.pause-status}"));
            } else if (!pauses.contains(s)) {
                pauses.add(s);
            }
        }
        String reminder = cmd.reminderBefore() == null ? PolicyDefinition.DEFAULT_REMINDER : cmd.reminderBefore();
        BusinessDuration r = BusinessDuration.parse(reminder).orElse(null);
        if (r == null || r.days() > 0) {
            errors.add(new FieldError("reminderBefore", "{sla.policy.reminder}"));
        }
        List<PolicyDefinition.Escalation> escalations = escalations(cmd.escalations(), roleCodes, errors);
        if (errors.size() > before) {
            return null;
        }
        return new PolicyDefinition(
                match, firstResponse, resolution, nodes, pauses, r == null ? reminder : r.toString(), escalations);
    }

    private static PolicyDefinition.Match match(PolicyCommand.@Nullable Match raw, List<FieldError> errors) {
        if (raw == null) {
            return new PolicyDefinition.Match(List.of(), List.of(), List.of(), List.of());
        }
        List<Long> templates = new ArrayList<>();
        List<@Nullable Long> rawTemplates = raw.templateIds() == null ? List.of() : raw.templateIds();
        for (int i = 0; i < rawTemplates.size(); i++) {
            Long id = rawTemplates.get(i);
            if (id == null || id <= 0) {
                errors.add(new FieldError("match.templateIds[" + i + "]", "{sla.policy.template}"));
            } else {
                templates.add(id);
            }
        }
        List<String> priorities = codes(
                "match.priorities",
                raw.priorities(),
                c -> Priority.ofCode(c).isPresent(),
                "{sla.policy.priority}",
                errors);
        List<String> levels = codes(
                "match.customerLevels",
                raw.customerLevels(),
                c -> c.matches("[A-Za-z0-9_-]{1,32}"),
                "{sla.policy.customer-level}",
                errors);
        List<String> sources = codes(
                "match.sources", raw.sources(), c -> TicketSource.ofCode(c).isPresent(), "{sla.policy.source}", errors);
        return new PolicyDefinition.Match(templates, priorities, levels, sources);
    }

    private static List<PolicyDefinition.Escalation> escalations(
            @Nullable List<PolicyCommand.@Nullable Escalation> raw, Set<String> roleCodes, List<FieldError> errors) {
        List<PolicyDefinition.Escalation> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        if (raw.size() > MAX_LEVELS) {
            errors.add(new FieldError("escalations", "{sla.policy.escalation.too-many}"));
            return out;
        }
        for (int i = 0; i < raw.size(); i++) {
            String path = "escalations[" + i + "]";
            PolicyCommand.Escalation e = raw.get(i);
            if (e == null) {
                errors.add(new FieldError(path, "{validation.required}"));
                continue;
            }
            int before = errors.size();
            if (e.level() != null && e.level() != i + 1) {
                errors.add(new FieldError(path + ".level", "{sla.policy.escalation.level}"));
            }
            String after = e.after() == null ? "PT0M" : e.after();
            BusinessDuration a = BusinessDuration.parse(after).orElse(null);
            if (a == null) {
                errors.add(new FieldError(path + ".after", "{sla.policy.duration}"));
            }
            String notify = e.to();
            Integer leaderLevel = null;
            String role = null;
            if (notify == null || !NOTIFY.contains(notify)) {
                errors.add(new FieldError(path + ".to", "{sla.policy.escalation.to}"));
            } else if (notify.equals("assignee_leader")) {
                leaderLevel = e.leaderLevel() == null ? 1 : e.leaderLevel();
                if (leaderLevel < 1 || leaderLevel > MAX_LEADER_LEVEL) {
                    errors.add(new FieldError(path + ".leaderLevel", "{sla.policy.escalation.leader-level}"));
                }
            } else if (notify.equals("role")) {
                role = e.roleCode();
                if (role == null || !roleCodes.contains(role)) {
                    errors.add(new FieldError(path + ".roleCode", "{sla.policy.escalation.role}"));
                }
            }
            List<String> channels =
                    codes(path + ".channels", e.channels(), CHANNELS::contains, "{sla.policy.channel}", errors);
            if (e.channels() == null || e.channels().isEmpty()) {
                errors.add(new FieldError(path + ".channels", "{sla.policy.channel.none}"));
            }
            if (errors.size() == before && a != null && notify != null) {
                out.add(new PolicyDefinition.Escalation(i + 1, a.toString(), notify, leaderLevel, role, channels));
            }
        }
        return out;
    }

    private static @Nullable String optionalDuration(String field, @Nullable String iso, List<FieldError> errors) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        BusinessDuration d = BusinessDuration.parse(iso).orElse(null);
        if (d == null || (d.days() == 0 && d.time().isZero())) {
            errors.add(new FieldError(field, "{sla.policy.duration}"));
            return null;
        }
        return d.toString();
    }

    private static List<String> codes(
            String field,
            @Nullable List<@Nullable String> raw,
            java.util.function.Predicate<String> known,
            String message,
            List<FieldError> errors) {
        List<String> out = new ArrayList<>();
        List<@Nullable String> items = raw == null ? List.of() : raw;
        for (int i = 0; i < items.size(); i++) {
            String c = items.get(i);
            if (c == null || !known.test(c)) {
                errors.add(new FieldError(field + "[" + i + "]", message));
            } else if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
