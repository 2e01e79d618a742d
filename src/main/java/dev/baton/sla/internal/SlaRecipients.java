package dev.baton.sla.internal;

import dev.baton.platform.OrgDirectory;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who hears of a metric: its assignees (the users the ticket's open nodes are assigned to; candidates by role or
 * department when nobody has taken it), the leader n levels above an assignee's department, or a role's holders.
 */
@Component
class SlaRecipients {

    static final int MAX_CANDIDATES = 50;

    private final OrgDirectory org;

    SlaRecipients(OrgDirectory org) {
        this.org = org;
    }

    Set<Long> forKind(long tenantId, List<SlaFact> facts, String metric, String kind, PolicyDefinition definition) {
        List<SlaFact> assignments = assignments(facts, metric);
        if (!kind.startsWith("escalated_l")) {
            return assignees(tenantId, assignments);
        }
        int level = Integer.parseInt(kind.substring("escalated_l".length()));
        if (level > definition.escalations().size()) {
            return Set.of();
        }
        PolicyDefinition.Escalation e = definition.escalations().get(level - 1);
        return switch (e.to()) {
            case "assignee" -> assignees(tenantId, assignments);
            case "role" ->
                e.roleCode() == null
                        ? Set.of()
                        : new LinkedHashSet<>(this.org.usersWithRole(tenantId, e.roleCode(), MAX_CANDIDATES));
            default -> leaders(tenantId, assignments, e.leaderLevel() == null ? 1 : e.leaderLevel());
        };
    }

    /** The latest assignment of each node still open (for a node's metric, of that node only). */
    static List<SlaFact> assignments(List<SlaFact> facts, String metric) {
        Map<String, SlaFact> open = new LinkedHashMap<>();
        for (SlaFact f : facts) {
            if (f.kind() == SlaFact.Kind.ASSIGNED && f.nodeId() != null) {
                open.put(f.nodeId(), f);
            } else if (f.kind() == SlaFact.Kind.NODE_COMPLETED && f.nodeId() != null) {
                open.remove(f.nodeId());
            }
        }
        if (metric.startsWith(SlaMetric.NODE)) {
            SlaFact one = open.get(metric.substring(SlaMetric.NODE.length()));
            return one == null ? List.of() : List.of(one);
        }
        return List.copyOf(open.values());
    }

    private Set<Long> assignees(long tenantId, List<SlaFact> assignments) {
        Set<Long> out = new LinkedHashSet<>();
        for (SlaFact a : assignments) {
            if (a.userId() != null) {
                out.add(a.userId());
            } else if (a.roleCode() != null) {
                out.addAll(this.org.usersWithRole(tenantId, a.roleCode(), MAX_CANDIDATES));
            } else if (a.departmentId() != null) {
                out.addAll(this.org.membersOf(tenantId, a.departmentId(), MAX_CANDIDATES));
            }
        }
        return out;
    }

    private Set<Long> leaders(long tenantId, List<SlaFact> assignments, int level) {
        Set<Long> out = new LinkedHashSet<>();
        for (SlaFact a : assignments) {
            Long department = a.departmentId();
            if (a.userId() != null) {
                department = this.org.departmentsOf(tenantId, a.userId()).stream()
                        .findFirst()
                        .orElse(null);
            }
            if (department != null) {
                this.org.leaderOf(tenantId, department, level).ifPresent(out::add);
            }
        }
        return out;
    }
}
