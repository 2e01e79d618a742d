package dev.baton.assignment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ticket.TicketRouting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RoutingEngineTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private final MapAgents agents = new MapAgents();
    private final RoutingEngine engine = new RoutingEngine(this.agents, this.agents, new Random(7));

    private static CompiledRule rule(long id, RuleDefinition.Target target, String strategy, List<String> skills) {
        return CompiledRule.of(
                id,
                "r" + id,
                new RuleDefinition(
                        RuleDefinition.Conditions.ANY,
                        target,
                        new RuleDefinition.Strategy(strategy, false, skills),
                        new RuleDefinition.Fallback("department_leader", null, 9L)));
    }

    private static RuleDefinition.Target department(long id) {
        return new RuleDefinition.Target("department", null, null, id, false, null, null);
    }

    private static TicketRouting.RoutingRequest request(Map<String, Object> customer) {
        return new TicketRouting.RoutingRequest(
                1, "handle", 5L, "repair", "web", null, "normal", "空调不制冷", Map.of(), customer, null, null);
    }

    private Decision decide(CompiledRule rule, Map<String, Object> customer) {
        return this.engine.decide(RoutingSnapshot.of(List.of(rule), List.of()), request(customer), NOW, false);
    }

    private void profile(long user, List<String> skills, String region, String status, Integer maxOpen) {
        this.agents.profiles.put(user, new Agents.AgentProfile(user, skills, region, status, null, maxOpen, 0));
    }

    @Test
    void roundRobinTakesEligibleAgentsInTurn() {
        this.agents.departments.put(1L, List.of(11L, 12L, 13L));
        CompiledRule r = rule(1, department(1), "round_robin", List.of());
        List<Long> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            order.add(decide(r, Map.of()).route().userId());
        }
        assertThat(order).containsExactly(11L, 12L, 13L, 11L, 12L, 13L);
    }

    @Test
    void leastLoadedPicksTheFewestOpenTicketsAndSkipsThoseAtTheirCap() {
        this.agents.departments.put(1L, List.of(11L, 12L, 13L));
        this.agents.loads.putAll(Map.of(11L, 4, 12L, 1, 13L, 2));
        profile(12L, List.of(), null, "available", 1);
        Decision d = decide(rule(1, department(1), "least_loaded", List.of()), Map.of());
        assertThat(d.route().userId()).isEqualTo(13L);
        assertThat(d.candidates())
                .filteredOn(c -> c.userId() == 12L)
                .singleElement()
                .extracting(Decision.Candidate::skipped)
                .isEqualTo("at_capacity");
    }

    @Test
    void skillMatchNeedsEveryRequiredSkill() {
        this.agents.departments.put(1L, List.of(11L, 12L));
        profile(11L, List.of("aircon"), null, "available", null);
        profile(12L, List.of("aircon", "electric"), null, "available", null);
        Decision d = decide(rule(1, department(1), "skill_match", List.of("aircon", "electric")), Map.of());
        assertThat(d.route().userId()).isEqualTo(12L);
        assertThat(d.candidates().getFirst().skipped()).isEqualTo("missing_skill");
    }

    @Test
    void nearestRegionPrefersTheLongestSharedRegionPath() {
        this.agents.departments.put(1L, List.of(11L, 12L, 13L));
        profile(11L, List.of(), "广东/广州", "available", null);
        profile(12L, List.of(), "广东/深圳/福田", "available", null);
        profile(13L, List.of(), "北京", "available", null);
        Decision d = decide(rule(1, department(1), "nearest_region", List.of()), Map.of("region", "广东/深圳/南山"));
        assertThat(d.route().userId()).isEqualTo(12L);
    }

    @Test
    void whenEveryoneIsAwayTheDepartmentLeaderFallbackGetsIt() {
        this.agents.departments.put(1L, List.of(11L, 12L));
        profile(11L, List.of(), null, "on_leave", null);
        this.agents.profiles.put(
                12L, new Agents.AgentProfile(12L, List.of(), null, "off_duty", NOW.plusSeconds(60), null, 0));
        this.agents.leaders.put(9L, 99L);
        Decision d = decide(rule(1, department(1), "random", List.of()), Map.of());
        assertThat(d.outcome()).isEqualTo("fallback_leader");
        assertThat(d.route().userId()).isEqualTo(99L);
        // an off-duty period that has ended is over
        this.agents.profiles.put(
                12L, new Agents.AgentProfile(12L, List.of(), null, "off_duty", NOW.minusSeconds(60), null, 0));
        assertThat(decide(rule(1, department(1), "random", List.of()), Map.of())
                        .route()
                        .userId())
                .isEqualTo(12L);
    }

    @Test
    void conditionsOnLevelRegionKeywordsAndFieldsDecideWhichRuleMatches() {
        this.agents.departments.put(1L, List.of(11L));
        var vipLeak = new RuleDefinition.Conditions(
                null,
                List.of("repair"),
                null,
                null,
                List.of("VIP"),
                List.of("广东"),
                null,
                List.of("不制冷"),
                "fields.amount > 5000");
        CompiledRule r = CompiledRule.of(
                1,
                "vip",
                new RuleDefinition(
                        vipLeak,
                        department(1),
                        new RuleDefinition.Strategy("round_robin", null, null),
                        RuleDefinition.Fallback.POOL));
        var snapshot = RoutingSnapshot.of(List.of(r), List.of());
        var base = new TicketRouting.RoutingRequest(
                1,
                "handle",
                5L,
                "repair",
                "web",
                null,
                "normal",
                "空调不制冷",
                Map.of("amount", 8000),
                Map.of("level", "vip", "region", "广东/深圳"),
                null,
                null);
        assertThat(this.engine.decide(snapshot, base, NOW, true).ruleName()).isEqualTo("vip");
        var cheap = new TicketRouting.RoutingRequest(
                1,
                "handle",
                5L,
                "repair",
                "web",
                null,
                "normal",
                "空调不制冷",
                Map.of("amount", 100),
                Map.of("level", "vip", "region", "广东/深圳"),
                null,
                null);
        assertThat(this.engine
                        .decide(snapshot, cheap, NOW, true)
                        .rules()
                        .getFirst()
                        .failed())
                .isEqualTo("expression");
        var elsewhere = new TicketRouting.RoutingRequest(
                1,
                "handle",
                5L,
                "repair",
                "web",
                null,
                "normal",
                "空调不制冷",
                Map.of("amount", 8000),
                Map.of("level", "vip", "region", "北京"),
                null,
                null);
        assertThat(this.engine
                        .decide(snapshot, elsewhere, NOW, true)
                        .rules()
                        .getFirst()
                        .failed())
                .isEqualTo("customer_region");
        assertThat(this.engine.decide(snapshot, elsewhere, NOW, true).outcome()).isEqualTo("no_rule");
    }

    @Test
    void aChannelsRuleTakesOnlyTheTicketsOfItsChannelsAndCelSeesTheChannel() {
        this.agents.departments.put(1L, List.of(11L));
        this.agents.departments.put(2L, List.of(21L));
        var shop = new RuleDefinition.Conditions(null, null, null, List.of("shop-qr"), null, null, null, null, null);
        var byExpression = new RuleDefinition.Conditions(
                null, null, null, null, null, null, null, null, "ticket.channel == 'mini-complaint'");
        var strategy = new RuleDefinition.Strategy("round_robin", null, null);
        var snapshot = RoutingSnapshot.of(
                List.of(
                        CompiledRule.of(
                                1,
                                "shop",
                                new RuleDefinition(shop, department(1), strategy, RuleDefinition.Fallback.POOL)),
                        CompiledRule.of(
                                2,
                                "mini",
                                new RuleDefinition(
                                        byExpression, department(2), strategy, RuleDefinition.Fallback.POOL))),
                List.of());

        Decision fromShop = this.engine.decide(snapshot, from("shop-qr"), NOW, true);
        assertThat(fromShop.ruleName()).isEqualTo("shop");
        assertThat(fromShop.route().userId()).isEqualTo(11L);

        Decision fromMini = this.engine.decide(snapshot, from("mini-complaint"), NOW, true);
        assertThat(fromMini.rules().getFirst().failed()).isEqualTo("channel");
        assertThat(fromMini.ruleName()).isEqualTo("mini");
        assertThat(fromMini.route().userId()).isEqualTo(21L);

        // a ticket that came in through no channel (the REST API, the sidebar) is no channel's
        Decision direct = this.engine.decide(snapshot, from(null), NOW, true);
        assertThat(direct.rules()).extracting(Decision.RuleCheck::failed).containsExactly("channel", "expression");
        assertThat(direct.outcome()).isEqualTo("no_rule");
    }

    private static TicketRouting.RoutingRequest from(String channel) {
        return new TicketRouting.RoutingRequest(
                1, "handle", 5L, "repair", "web", channel, "normal", "空调不制冷", Map.of(), Map.of(), null, null);
    }
}
