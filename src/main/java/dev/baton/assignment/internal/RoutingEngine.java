package dev.baton.assignment.internal;

import dev.baton.ticket.TicketRouting;
import dev.baton.ticket.TicketRouting.Route;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The routing decision, free of storage: first matching rule, its target's members, who of them is eligible
 * (active, not off duty or on leave, under their cap, with the skills), the strategy's pick, and the fallback
 * when nobody is. Never answers "nobody": the last resort is the pool.
 */
final class RoutingEngine {

    private final Agents agents;
    private final Cursors cursors;
    private final RandomGenerator random;

    RoutingEngine(Agents agents, Cursors cursors, RandomGenerator random) {
        this.agents = agents;
        this.cursors = cursors;
        this.random = random;
    }

    Decision decide(RoutingSnapshot snapshot, TicketRouting.RoutingRequest req, Instant now, boolean dryRun) {
        return decide(snapshot, req, now, dryRun, true);
    }

    /**
     * @param dryRun leave round-robin cursors where they are (explain)
     * @param trace list every candidate with why it was skipped (explain); routing itself needs only the answer
     */
    Decision decide(
            RoutingSnapshot snapshot, TicketRouting.RoutingRequest req, Instant now, boolean dryRun, boolean trace) {
        String text = Text.normalize(req.text());
        Set<String> found = snapshot.ruleKeywords().find(text).keySet();
        Map<String, @Nullable Object> activation = null;
        List<Decision.RuleCheck> checks = new ArrayList<>();
        for (CompiledRule rule : snapshot.rules()) {
            String failed = failedCondition(rule, req, found);
            if (failed == null && rule.expression() != null) {
                if (activation == null) {
                    activation = activation(req);
                }
                failed = RuleExpressions.holds(rule.expression(), activation) ? null : "expression";
            }
            if (trace) {
                checks.add(new Decision.RuleCheck(rule.id(), rule.name(), failed == null, failed));
            }
            if (failed == null) {
                return apply(rule, checks, req, now, dryRun, trace);
            }
        }
        return new Decision(checks, null, null, null, List.of(), Route.pool(null), "no_rule");
    }

    private static @Nullable String failedCondition(
            CompiledRule r, TicketRouting.RoutingRequest req, Set<String> keywordsFound) {
        if (!r.templateIds().isEmpty()
                && (req.templateId() == null || !r.templateIds().contains(req.templateId()))) {
            return "template";
        }
        if (!r.templateCodes().isEmpty()
                && (req.templateCode() == null || !r.templateCodes().contains(Text.normalize(req.templateCode())))) {
            return "template";
        }
        if (!r.sources().isEmpty() && !r.sources().contains(req.source())) {
            return "source";
        }
        if (!r.channels().isEmpty()
                && (req.channel() == null || !r.channels().contains(Text.normalize(req.channel())))) {
            return "channel";
        }
        if (!r.customerLevels().isEmpty()
                && !(req.customer().get("level") instanceof String level
                        && r.customerLevels().contains(Text.normalize(level)))) {
            return "customer_level";
        }
        if (!r.customerRegions().isEmpty()
                && !(req.customer().get("region") instanceof String region
                        && r.customerRegions().stream().anyMatch(region::startsWith))) {
            return "customer_region";
        }
        if (!r.priorities().isEmpty() && !r.priorities().contains(req.priority())) {
            return "priority";
        }
        if (!r.keywords().isEmpty() && r.keywords().stream().noneMatch(keywordsFound::contains)) {
            return "keywords";
        }
        return null;
    }

    private Decision apply(
            CompiledRule rule,
            List<Decision.RuleCheck> checks,
            TicketRouting.RoutingRequest req,
            Instant now,
            boolean dry,
            boolean trace) {
        long tenant = req.tenantId();
        RuleDefinition.Target target = rule.target();
        String strategy = rule.strategy().kind();
        if (target.kind().equals("pool")) {
            return new Decision(
                    checks, rule.id(), rule.name(), strategy, List.of(), Route.pool(rule.name()), "target_pool");
        }
        if (strategy.equals("manual")) {
            Route offer = target.kind().equals("role")
                    ? new Route(null, target.roleCode(), null, rule.name())
                    : target.kind().equals("department") && !target.children()
                            ? new Route(null, null, target.departmentId(), rule.name())
                            : Route.pool(rule.name());
            return new Decision(checks, rule.id(), rule.name(), strategy, List.of(), offer, "manual");
        }
        List<Long> members = this.agents.members(tenant, target);
        List<String> skills = strategy.equals("skill_match")
                ? RuleDefinition.Conditions.list(
                        rule.strategy().skills() == null
                                        || rule.strategy().skills().isEmpty()
                                ? target.skills()
                                : rule.strategy().skills())
                : List.of();
        int n = members.size();
        Agents.AgentProfile[] profiles = new Agents.AgentProfile[n];
        boolean needLoads = !strategy.equals("round_robin") && !strategy.equals("random");
        for (int i = 0; i < n; i++) {
            profiles[i] = this.agents.profile(tenant, members.get(i));
            needLoads |= profiles[i] != null && profiles[i].maxOpen() != null;
        }
        Map<Long, Integer> loads =
                needLoads ? this.agents.loads(tenant, members, rule.strategy().weighted()) : Map.of();
        String[] skipped = new String[n];
        List<Integer> eligible = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            skipped[i] = skipReason(tenant, members.get(i), profiles[i], loads, skills, now);
            if (skipped[i] == null) {
                eligible.add(i);
            }
        }
        Integer chosen = eligible.isEmpty() ? null : pick(rule, eligible, members, profiles, loads, req, dry);
        List<Decision.Candidate> candidates = new ArrayList<>(trace ? n : 0);
        for (int i = 0; trace && i < n; i++) {
            long user = members.get(i);
            candidates.add(new Decision.Candidate(
                    user, skipped[i], needLoads ? loads.getOrDefault(user, 0) : null, Objects.equals(i, chosen)));
        }
        if (chosen != null) {
            return new Decision(
                    checks,
                    rule.id(),
                    rule.name(),
                    strategy,
                    candidates,
                    new Route(members.get(chosen), null, null, rule.name()),
                    "chosen");
        }
        return fallback(rule, checks, candidates, req, now);
    }

    private @Nullable String skipReason(
            long tenant,
            long user,
            Agents.@Nullable AgentProfile p,
            Map<Long, Integer> loads,
            List<String> skills,
            Instant now) {
        if (!this.agents.active(tenant, user)) {
            return "inactive";
        }
        if (p != null && p.away(now)) {
            return p.status();
        }
        if (p != null && p.maxOpen() != null && loads.getOrDefault(user, 0) >= p.maxOpen()) {
            return "at_capacity";
        }
        if (!skills.isEmpty() && (p == null || !p.skills().containsAll(skills))) {
            return "missing_skill";
        }
        return null;
    }

    /** The index (into {@code members}) of the one the strategy picks among the eligible indexes. */
    private int pick(
            CompiledRule rule,
            List<Integer> eligible,
            List<Long> members,
            Agents.@Nullable AgentProfile[] profiles,
            Map<Long, Integer> loads,
            TicketRouting.RoutingRequest req,
            boolean dry) {
        return switch (rule.strategy().kind()) {
            case "round_robin" -> {
                String key = "rule:" + rule.id();
                long position = dry ? this.cursors.peek(req.tenantId(), key) : this.cursors.next(req.tenantId(), key);
                yield eligible.get((int) Math.floorMod(position - 1, (long) eligible.size()));
            }
            case "random" -> eligible.get(this.random.nextInt(eligible.size()));
            case "nearest_region" -> {
                String region = req.customer().get("region") instanceof String s ? s : "";
                int best = -1;
                List<Integer> nearest = new ArrayList<>();
                for (int i : eligible) {
                    Agents.AgentProfile p = profiles[i];
                    int shared = p == null || p.region() == null ? 0 : sharedSegments(p.region(), region);
                    if (shared > best) {
                        best = shared;
                        nearest.clear();
                    }
                    if (shared == best) {
                        nearest.add(i);
                    }
                }
                yield leastLoaded(nearest, members, loads);
            }
            default -> leastLoaded(eligible, members, loads); // least_loaded, skill_match
        };
    }

    /** The fewest open tickets; ties go to the lowest id (candidates are in id order). */
    private static int leastLoaded(List<Integer> indexes, List<Long> members, Map<Long, Integer> loads) {
        int best = indexes.getFirst();
        int min = Integer.MAX_VALUE;
        for (int i : indexes) {
            int load = loads.getOrDefault(members.get(i), 0);
            if (load < min) {
                min = load;
                best = i;
            }
        }
        return best;
    }

    /** How many leading path segments two regions share: 广东/深圳/南山 and 广东/深圳/福田 share 2. */
    static int sharedSegments(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        int n = 0;
        while (n < x.length && n < y.length && !x[n].isEmpty() && x[n].equals(y[n])) {
            n++;
        }
        return n;
    }

    private Decision fallback(
            CompiledRule rule,
            List<Decision.RuleCheck> checks,
            List<Decision.Candidate> candidates,
            TicketRouting.RoutingRequest req,
            Instant now) {
        RuleDefinition.Fallback f = rule.fallback();
        String strategy = rule.strategy().kind();
        long tenant = req.tenantId();
        if (f.kind().equals("user") && f.userId() != null && available(tenant, f.userId(), now)) {
            return new Decision(
                    checks,
                    rule.id(),
                    rule.name(),
                    strategy,
                    candidates,
                    new Route(f.userId(), null, null, rule.name()),
                    "fallback_user");
        }
        if (f.kind().equals("department_leader")) {
            Long department = f.departmentId() != null
                    ? f.departmentId()
                    : rule.target().departmentId() != null ? rule.target().departmentId() : req.departmentId();
            if (department != null) {
                var leader = this.agents.leader(tenant, department);
                if (leader.isPresent()) {
                    return new Decision(
                            checks,
                            rule.id(),
                            rule.name(),
                            strategy,
                            candidates,
                            new Route(leader.get(), null, null, rule.name()),
                            "fallback_leader");
                }
            }
        }
        return new Decision(
                checks, rule.id(), rule.name(), strategy, candidates, Route.pool(rule.name()), "fallback_pool");
    }

    /** A fallback person still has to be active and present; else the ticket goes to the pool. */
    private boolean available(long tenant, long user, Instant now) {
        Agents.AgentProfile p = this.agents.profile(tenant, user);
        return this.agents.active(tenant, user) && (p == null || !p.away(now));
    }

    /** The CEL inputs: numbers as CEL wants them (long or double). */
    private static Map<String, @Nullable Object> activation(TicketRouting.RoutingRequest req) {
        Map<String, @Nullable Object> fields = new HashMap<>();
        req.fields().forEach((k, v) -> {
            if (v != null) {
                fields.put(k, cel(v));
            }
        });
        Map<String, @Nullable Object> ticket = new HashMap<>();
        ticket.put("source", req.source());
        ticket.put("priority", req.priority());
        if (req.channel() != null) {
            ticket.put("channel", req.channel());
        }
        if (req.templateCode() != null) {
            ticket.put("template", req.templateCode());
        }
        Map<String, @Nullable Object> customer = new HashMap<>();
        req.customer().forEach((k, v) -> {
            if (v != null) {
                customer.put(k, cel(v));
            }
        });
        return Map.of("fields", fields, "ticket", ticket, "customer", customer);
    }

    private static Object cel(Object v) {
        return switch (v) {
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Float f -> f.doubleValue();
            case BigDecimal d -> d.doubleValue();
            case Collection<?> c ->
                c.stream().filter(Objects::nonNull).map(RoutingEngine::cel).toList();
            default -> v;
        };
    }
}
