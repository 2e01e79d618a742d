package dev.baton.assignment.internal;

import dev.baton.ticket.TicketRouting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The routing decision of {@code dev.baton.bench.AssignmentBench} on a synthetic tenant: {@code rules} rules of every
 * condition, target and strategy (the last one a catch-all least-loaded over every agent), {@code keywords}
 * classification keywords, {@code agents} agents with skills, regions, availability, caps and open loads. Loads and
 * cursors come from memory: the decision is measured without its database round trips.
 */
public final class BenchRouting {

    private static final String CJK = "空调冰箱洗衣机热水器漏水不制冷噪音异响安装维修保养退换货发票电源故障显示屏遥控器滤网清洗移机加氟管道堵塞" + "门锁电路跳闸宽带网络信号路由器打印机卡纸墨盒";
    private static final String[] SOURCES = {"web", "api", "wecom_sidebar", "wecom_group", "mini_program", "email"};
    private static final String[] LEVELS = {"basic", "standard", "vip"};
    private static final String[] PROVINCES = {"广东", "北京", "上海", "浙江", "江苏", "四川"};
    private static final String[] CITIES = {"一市", "二市", "三市", "四市", "五市"};
    private static final String[] STRATEGIES = {"round_robin", "least_loaded", "skill_match", "nearest_region", "random"
    };

    private BenchRouting() {}

    public static Map<String, Object> run(int ruleCount, int keywordCount, int agentCount, int warmup, int iterations) {
        Random random = new Random(42);
        MapAgents agents = new MapAgents();
        List<Long> everyone = new ArrayList<>();
        for (long id = 1; id <= agentCount; id++) {
            everyone.add(id);
            agents.departments
                    .computeIfAbsent(1000 + id % 20, k -> new ArrayList<>())
                    .add(id);
            agents.roles
                    .computeIfAbsent("role" + id % 10, k -> new ArrayList<>())
                    .add(id);
            String status = random.nextInt(100) < 5 ? "off_duty" : random.nextInt(100) < 3 ? "on_leave" : "available";
            agents.profiles.put(
                    id,
                    new Agents.AgentProfile(
                            id,
                            List.of("skill" + random.nextInt(20), "skill" + random.nextInt(20)),
                            region(random),
                            status,
                            null,
                            random.nextInt(4) == 0 ? 20 : null,
                            0));
            agents.loads.put(id, random.nextInt(25));
        }
        agents.departments.put(1L, everyone);
        agents.leaders.put(1L, 1L);

        List<String> ruleWords = words(random, 600);
        List<CompiledRule> rules = new ArrayList<>();
        for (int i = 1; i < ruleCount; i++) {
            rules.add(CompiledRule.of(i, "rule" + i, definition(random, ruleWords, i)));
        }
        rules.add(CompiledRule.of(
                ruleCount,
                "catch-all",
                new RuleDefinition(
                        RuleDefinition.Conditions.ANY,
                        new RuleDefinition.Target("department", null, null, 1L, false, null, null),
                        new RuleDefinition.Strategy("least_loaded", true, null),
                        new RuleDefinition.Fallback("department_leader", null, 1L))));
        List<String> keywordWords = words(random, keywordCount);
        List<RoutingSnapshot.KeywordEntry> keywords = new ArrayList<>();
        for (int i = 0; i < keywordWords.size(); i++) {
            keywords.add(new RoutingSnapshot.KeywordEntry(
                    keywordWords.get(i), "cat" + i % 50, null, i % 7 == 0 ? "high" : null, List.of("tag" + i % 100)));
        }
        long built = System.nanoTime();
        RoutingSnapshot snapshot = RoutingSnapshot.of(rules, keywords);
        long buildNanos = System.nanoTime() - built;

        RoutingEngine engine = new RoutingEngine(agents, agents, new Random(7));
        Instant now = Instant.parse("2026-03-02T02:00:00Z");
        List<TicketRouting.RoutingRequest> tickets = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            tickets.add(ticket(random, ruleWords, keywordWords));
        }
        Map<String, Integer> outcomes = new HashMap<>();
        for (int i = 0; i < warmup; i++) {
            TicketRouting.RoutingRequest t = tickets.get(i % tickets.size());
            Classifier.classify(snapshot, t.text());
            engine.decide(snapshot, t, now, false, false);
        }
        long[] nanos = new long[iterations];
        long[] cpu = new long[iterations];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long gcBefore = gcCount();
        for (int i = 0; i < iterations; i++) {
            TicketRouting.RoutingRequest t = tickets.get(i % tickets.size());
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Classifier.classify(snapshot, t.text());
            Decision d = engine.decide(snapshot, t, now, false, false);
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            outcomes.merge(
                    d.ruleId() != null && d.ruleId() == ruleCount ? "catch_all" : "earlier_rule", 1, Integer::sum);
        }
        long gcs = gcCount() - gcBefore;
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rules", ruleCount);
        result.put("keywords", keywordCount);
        result.put("agents", agentCount);
        result.put("iterations", iterations);
        result.put("snapshotBuildMs", buildNanos / 1_000_000.0);
        result.put("p50Ms", nanos[iterations / 2] / 1_000_000.0);
        result.put("p90Ms", nanos[(int) (iterations * 0.90)] / 1_000_000.0);
        result.put("p99Ms", nanos[(int) (iterations * 0.99)] / 1_000_000.0);
        result.put("p999Ms", nanos[(int) (iterations * 0.999)] / 1_000_000.0);
        result.put("maxMs", nanos[iterations - 1] / 1_000_000.0);
        // CPU time of the deciding thread: what the decision costs without the waits of a shared, oversubscribed
        // machine
        result.put("cpuP50Ms", cpu[iterations / 2] / 1_000_000.0);
        result.put("cpuP99Ms", cpu[(int) (iterations * 0.99)] / 1_000_000.0);
        result.put("gcDuringRun", gcs);
        result.put("loadAverage", loadAverage());
        result.put("matched", outcomes);
        return result;
    }

    private static long gcCount() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String region(Random random) {
        return PROVINCES[random.nextInt(PROVINCES.length)] + "/" + CITIES[random.nextInt(CITIES.length)];
    }

    private static List<String> words(Random random, int count) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        while (out.size() < count) {
            if (random.nextInt(5) == 0) {
                out.add("model" + random.nextInt(100_000));
            } else {
                StringBuilder w = new StringBuilder();
                int len = 2 + random.nextInt(3);
                for (int i = 0; i < len; i++) {
                    w.append(CJK.charAt(random.nextInt(CJK.length())));
                }
                out.add(w.toString());
            }
        }
        return new ArrayList<>(out);
    }

    private static RuleDefinition definition(Random random, List<String> words, int i) {
        var conditions = new RuleDefinition.Conditions(
                null,
                random.nextBoolean() ? List.of("t" + random.nextInt(10)) : null,
                random.nextBoolean() ? List.of(SOURCES[random.nextInt(SOURCES.length)]) : null,
                null,
                random.nextBoolean() ? List.of(LEVELS[random.nextInt(LEVELS.length)]) : null,
                random.nextInt(3) == 0 ? List.of(PROVINCES[random.nextInt(PROVINCES.length)]) : null,
                null,
                List.of(words.get(random.nextInt(words.size())), words.get(random.nextInt(words.size()))),
                i % 4 == 0 ? "fields.amount > " + random.nextInt(10_000) : null);
        RuleDefinition.Target target = switch (i % 4) {
            case 0 -> new RuleDefinition.Target("department", null, null, 1000L + i % 20, false, null, null);
            case 1 -> new RuleDefinition.Target("role", null, "role" + i % 10, null, false, null, null);
            case 2 ->
                new RuleDefinition.Target("skill_group", null, null, null, false, List.of("skill" + i % 20), null);
            default ->
                new RuleDefinition.Target(
                        "region_group", null, null, null, false, null, List.of(PROVINCES[i % PROVINCES.length]));
        };
        String strategy = STRATEGIES[i % STRATEGIES.length];
        return new RuleDefinition(
                conditions,
                target,
                new RuleDefinition.Strategy(
                        strategy, i % 2 == 0, strategy.equals("skill_match") ? List.of("skill" + i % 20) : null),
                RuleDefinition.Fallback.POOL);
    }

    private static TicketRouting.RoutingRequest ticket(
            Random random, List<String> ruleWords, List<String> keywordWords) {
        StringBuilder text = new StringBuilder("客户来电：");
        for (int w = 0; w < 25; w++) {
            int pick = random.nextInt(10);
            text.append(
                    pick == 0
                            ? ruleWords.get(random.nextInt(ruleWords.size()))
                            : pick < 4
                                    ? keywordWords.get(random.nextInt(keywordWords.size()))
                                    : String.valueOf(CJK.charAt(random.nextInt(CJK.length()))) + "，");
        }
        return new TicketRouting.RoutingRequest(
                1,
                "handle",
                null,
                "t" + random.nextInt(10),
                SOURCES[random.nextInt(SOURCES.length)],
                null,
                "normal",
                text.toString(),
                Map.of("amount", random.nextInt(10_000)),
                Map.of("level", LEVELS[random.nextInt(LEVELS.length)], "region", region(random)),
                null,
                null);
    }
}
