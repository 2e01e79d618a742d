package dev.baton.assignment.internal;

import static dev.baton.platform.db.Tables.DEPARTMENTS;
import static dev.baton.platform.db.Tables.TICKETS;
import static dev.baton.platform.db.Tables.TICKET_TASKS;

import dev.baton.platform.OrgDirectory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** {@link Agents} over the organisation ({@link OrgDirectory}), the agent profiles and the open task rows. */
@Component
class DatabaseAgents implements Agents {

    private static final int MAX_MEMBERS = 10_000;

    private final OrgDirectory org;
    private final AgentProfiles profiles;
    private final DSLContext db;

    DatabaseAgents(OrgDirectory org, AgentProfiles profiles, DSLContext db) {
        this.org = org;
        this.profiles = profiles;
        this.db = db;
    }

    @Override
    public List<Long> members(long tenantId, RuleDefinition.Target target) {
        return switch (target.kind()) {
            case "user" -> target.userId() == null ? List.of() : List.of(target.userId());
            case "role" ->
                target.roleCode() == null
                        ? List.of()
                        : this.org.usersWithRole(tenantId, target.roleCode(), MAX_MEMBERS);
            case "department" -> departmentMembers(tenantId, target);
            case "skill_group" -> {
                List<String> skills = RuleDefinition.Conditions.list(target.skills());
                yield this.profiles.all(tenantId).values().stream()
                        .filter(p -> p.skills().containsAll(skills))
                        .map(AgentProfile::userId)
                        .sorted()
                        .toList();
            }
            case "region_group" -> {
                List<String> regions = RuleDefinition.Conditions.list(target.regions());
                yield this.profiles.all(tenantId).values().stream()
                        .filter(p -> p.region() != null && regions.stream().anyMatch(p.region()::startsWith))
                        .map(AgentProfile::userId)
                        .sorted()
                        .toList();
            }
            default -> List.of();
        };
    }

    private List<Long> departmentMembers(long tenantId, RuleDefinition.Target target) {
        if (target.departmentId() == null) {
            return List.of();
        }
        List<Long> departments = new ArrayList<>(List.of(target.departmentId()));
        if (target.children()) {
            String path = this.db
                    .select(DEPARTMENTS.PATH)
                    .from(DEPARTMENTS)
                    .where(DEPARTMENTS.TENANT_ID.eq(tenantId), DEPARTMENTS.ID.eq(target.departmentId()))
                    .fetchOne(DEPARTMENTS.PATH);
            if (path != null) {
                departments = this.db
                        .select(DEPARTMENTS.ID)
                        .from(DEPARTMENTS)
                        .where(DEPARTMENTS.TENANT_ID.eq(tenantId), DEPARTMENTS.PATH.startsWith(path))
                        .fetch(DEPARTMENTS.ID);
            }
        }
        TreeSet<Long> members = new TreeSet<>();
        departments.forEach(d -> members.addAll(this.org.membersOf(tenantId, d, MAX_MEMBERS)));
        return List.copyOf(members);
    }

    @Override
    public boolean active(long tenantId, long userId) {
        return this.org.isActive(tenantId, userId);
    }

    @Override
    public @Nullable AgentProfile profile(long tenantId, long userId) {
        return this.profiles.find(tenantId, userId).orElse(null);
    }

    @Override
    public Map<Long, Integer> loads(long tenantId, Collection<Long> userIds, boolean weighted) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Field<Integer> load = weighted
                ? DSL.sum(DSL.when(TICKETS.PRIORITY.eq("urgent"), 3)
                                .when(TICKETS.PRIORITY.eq("high"), 2)
                                .otherwise(1))
                        .cast(Integer.class)
                : DSL.countDistinct(TICKET_TASKS.TICKET_ID);
        Map<Long, Integer> loads = new HashMap<>();
        this.db
                .select(TICKET_TASKS.USER_ID, load)
                .from(TICKET_TASKS)
                .join(TICKETS)
                .on(TICKETS.TENANT_ID.eq(TICKET_TASKS.TENANT_ID), TICKETS.ID.eq(TICKET_TASKS.TICKET_ID))
                .where(TICKET_TASKS.TENANT_ID.eq(tenantId), TICKET_TASKS.USER_ID.in(userIds))
                .groupBy(TICKET_TASKS.USER_ID)
                .forEach(r -> loads.put(r.value1(), r.value2()));
        return loads;
    }

    @Override
    public Optional<Long> leader(long tenantId, long departmentId) {
        return this.org.leaderOf(tenantId, departmentId, 1);
    }
}
