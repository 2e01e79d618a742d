package dev.baton.assignment.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** {@link Agents} and {@link Cursors} over maps: for the engine's unit tests and the benchmark. */
public final class MapAgents implements Agents, Cursors {

    final Map<Long, List<Long>> departments = new HashMap<>();
    final Map<String, List<Long>> roles = new HashMap<>();
    final Map<Long, AgentProfile> profiles = new HashMap<>();
    final Map<Long, Integer> loads = new HashMap<>();
    final Set<Long> inactive = new java.util.HashSet<>();
    final Map<Long, Long> leaders = new HashMap<>();
    final Map<String, Long> cursors = new HashMap<>();

    @Override
    public List<Long> members(long tenantId, RuleDefinition.Target target) {
        return switch (target.kind()) {
            case "user" -> List.of(target.userId());
            case "role" -> this.roles.getOrDefault(target.roleCode(), List.of());
            case "department" -> this.departments.getOrDefault(target.departmentId(), List.of());
            case "skill_group" ->
                this.profiles.values().stream()
                        .filter(p -> p.skills().containsAll(RuleDefinition.Conditions.list(target.skills())))
                        .map(AgentProfile::userId)
                        .sorted()
                        .collect(Collectors.toList());
            case "region_group" ->
                this.profiles.values().stream()
                        .filter(p -> p.region() != null
                                && RuleDefinition.Conditions.list(target.regions()).stream()
                                        .anyMatch(p.region()::startsWith))
                        .map(AgentProfile::userId)
                        .sorted()
                        .collect(Collectors.toList());
            default -> List.of();
        };
    }

    @Override
    public boolean active(long tenantId, long userId) {
        return !this.inactive.contains(userId);
    }

    @Override
    public @Nullable AgentProfile profile(long tenantId, long userId) {
        return this.profiles.get(userId);
    }

    @Override
    public Map<Long, Integer> loads(long tenantId, Collection<Long> userIds, boolean weighted) {
        return this.loads;
    }

    @Override
    public Optional<Long> leader(long tenantId, long departmentId) {
        return Optional.ofNullable(this.leaders.get(departmentId));
    }

    @Override
    public long next(long tenantId, String key) {
        return this.cursors.merge(key, 1L, Long::sum);
    }

    @Override
    public long peek(long tenantId, String key) {
        return this.cursors.getOrDefault(key, 0L) + 1;
    }
}
