package dev.baton.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Rules decide who gets a ticket whose flow node says "by assignment rules". */
class RoutingRulesIT extends AssignmentTest {

    static Map<String, Object> rule(
            String name, Map<String, Object> conditions, Map<String, Object> target, String strategy) {
        Map<String, Object> r = new HashMap<>();
        r.put("name", name);
        r.put("conditions", conditions);
        r.put("target", target);
        r.put("strategy", Map.of("kind", strategy));
        return r;
    }

    @Test
    void roundRobinOverThreeAgentsGivesEachAThirdOf300Tickets() throws Exception {
        AssignmentDesk desk = desk();
        desk.rule(
                rule("客服轮询", Map.of(), Map.of("kind", "department", "departmentId", desk.serviceDept), "round_robin"));

        Map<Long, AtomicInteger> perAgent = create(desk, List.of(desk.admin), 300);

        assertThat(perAgent.keySet()).containsExactlyInAnyOrderElementsOf(desk.agents);
        assertThat(perAgent.values()).allSatisfy(n -> assertThat(n).hasValue(100));
    }

    /** Creates tickets on the given nodes in turn from four threads; counts them by the user their task names. */
    static Map<Long, AtomicInteger> create(AssignmentDesk desk, List<Api> nodes, int count) throws Exception {
        Map<Long, AtomicInteger> perAgent = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Api.Response>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Api via = nodes.get(i % nodes.size());
                created.add(pool.submit(() -> desk.create(via, Map.of())));
            }
            for (Future<Api.Response> f : created) {
                Api.Response r = f.get();
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                perAgent.computeIfAbsent(
                                AssignmentDesk.handler(r).path("userId").asLong(), k -> new AtomicInteger())
                        .incrementAndGet();
            }
        } finally {
            pool.shutdown();
        }
        return perAgent;
    }

    @Test
    void aVipCustomersLeakFromTheSidebarGoesToTheVipTeamWithHighPriorityAndABasicCustomersToThePool() {
        AssignmentDesk desk = desk();
        Api.Response keyword = desk.admin.post(
                "/api/v1/assignment/keywords",
                Map.of("keyword", "漏水", "category", "维修", "priority", "high", "tags", List.of("漏水")));
        assertThat(keyword.status()).as(keyword.body()).isEqualTo(201);
        desk.rule(rule(
                "VIP 漏水",
                Map.of(
                        "customerLevels",
                        List.of("vip"),
                        "keywords",
                        List.of("漏水"),
                        "sources",
                        List.of("wecom_sidebar")),
                Map.of("kind", "department", "departmentId", desk.vipDept),
                "round_robin"));

        Api.Response vip = desk.create(
                desk.admin,
                Map.of(
                        "title", "卫生间漏水",
                        "source", "wecom_sidebar",
                        "chatExcerpt", "客户：楼上漏水到我家了",
                        "facts", Map.of("customer.level", "vip")));
        assertThat(vip.status()).as(vip.body()).isEqualTo(201);
        assertThat(vip.text("priority")).isEqualTo("high");
        assertThat(desk.vipAgents)
                .contains(AssignmentDesk.handler(vip).path("userId").asLong());

        Api.Response basic = desk.create(
                desk.admin,
                Map.of("title", "卫生间漏水", "source", "wecom_sidebar", "facts", Map.of("customer.level", "basic")));
        assertThat(basic.status()).as(basic.body()).isEqualTo(201);
        JsonNode task = AssignmentDesk.handler(basic);
        assertThat(task.path("userId").isNull()).isTrue();
        assertThat(task.path("roleCode").isNull()).isTrue();
        assertThat(task.path("departmentId").isNull()).isTrue();
        Api.Response pool = desk.login.apply("agent1").get("/api/v1/assignment/pool");
        assertThat(pool.json().path("items").findValuesAsString("number")).containsExactly(basic.text("number"));

        // the creation's history names the keywords that decided the priority
        JsonNode created =
                desk.admin.get("/api/v1/tickets/" + vip.id() + "/events").json().get(0);
        assertThat(created.at("/changes/classification/keywords").get(0).asString())
                .isEqualTo("漏水");
        assertThat(created.at("/changes/classification/category").asString()).isEqualTo("维修");
    }

    @Test
    void explainSaysWhichRuleMatchedWhyEachCandidateWasSkippedAndWhoGetsIt() {
        AssignmentDesk desk = desk();
        desk.rule(rule("仅小程序", Map.of("sources", List.of("mini_program")), Map.of("kind", "pool"), "manual"));
        Map<String, Object> leastLoaded =
                rule("客服最少", Map.of(), Map.of("kind", "department", "departmentId", desk.serviceDept), "least_loaded");
        leastLoaded.put("fallback", Map.of("kind", "user", "userId", desk.supervisorId));
        long ruleId = desk.rule(leastLoaded);
        long a1 = desk.agents.get(0);
        long a2 = desk.agents.get(1);
        long a3 = desk.agents.get(2);
        assertThat(desk.admin
                        .put("/api/v1/assignment/agents/" + a1, Map.of("status", "off_duty"))
                        .status())
                .isEqualTo(200);
        assertThat(desk.admin
                        .put(
                                "/api/v1/assignment/agents/" + a2,
                                Map.of("status", "on_leave", "statusUntil", "2999-01-01T00:00:00Z"))
                        .status())
                .isEqualTo(200);

        JsonNode some = desk.admin
                .post("/api/v1/assignment/explain", Map.of("title", "空调不制冷", "source", "web"))
                .json();
        assertThat(some.path("rules").get(0).path("failed").asString()).isEqualTo("source");
        assertThat(some.path("matchedRuleId").asLong()).isEqualTo(ruleId);
        assertThat(skipped(some))
                .containsEntry(a1, "off_duty")
                .containsEntry(a2, "on_leave")
                .containsEntry(a3, "");
        assertThat(some.at("/chosen/userId").asLong()).isEqualTo(a3);
        assertThat(some.path("outcome").asString()).isEqualTo("chosen");

        // the third agent reaches the cap, so nobody is eligible: the rule's fallback (a named user) gets it
        assertThat(desk.admin
                        .put("/api/v1/assignment/agents/" + a3, Map.of("maxOpen", 0))
                        .status())
                .isEqualTo(200);
        JsonNode none = desk.admin
                .post("/api/v1/assignment/explain", Map.of("title", "空调不制冷", "source", "web"))
                .json();
        assertThat(skipped(none)).containsEntry(a3, "at_capacity");
        assertThat(none.path("outcome").asString()).isEqualTo("fallback_user");
        assertThat(none.at("/chosen/userId").asLong()).isEqualTo(desk.supervisorId);
        assertThat(none.at("/chosen/userName").asString()).isEqualTo("super1");
    }

    @Test
    void theFlowSandboxShowsWhoTheRulesWouldPickWithoutTakingTheirTurn() {
        AssignmentDesk desk = desk();
        desk.rule(rule(
                "VIP 漏水",
                Map.of("customerLevels", List.of("vip"), "keywords", List.of("漏水")),
                Map.of("kind", "department", "departmentId", desk.vipDept),
                "round_robin"));
        Map<String, Object> vipLeak =
                Map.of("source", "wecom_sidebar", "facts", Map.of("customer.level", "vip", "ticket.title", "厨房漏水"));

        JsonNode first = sandboxHandle(desk, vipLeak);
        long picked = first.at("/candidates/0/userId").asLong();
        assertThat(desk.vipAgents).contains(picked);
        assertThat(first.path("candidates").size()).isEqualTo(1);
        assertThat(first.path("candidatesNote").asString()).contains("规则「VIP 漏水」");
        assertThat(sandboxHandle(desk, vipLeak).at("/candidates/0/userId").asLong())
                .as("a sandbox run takes no round-robin turn")
                .isEqualTo(picked);
        Api.Response real = desk.create(
                desk.admin,
                Map.of("title", "厨房漏水", "source", "wecom_sidebar", "facts", Map.of("customer.level", "vip")));
        assertThat(AssignmentDesk.handler(real).path("userId").asLong()).isEqualTo(picked);

        JsonNode basic =
                sandboxHandle(desk, Map.of("facts", Map.of("customer.level", "basic", "ticket.title", "厨房漏水")));
        assertThat(basic.path("candidates").size()).isZero();
        assertThat(basic.path("candidatesNote").asString()).isEqualTo("没有匹配的派单规则，工单将进入工单池");
    }

    /** The sandbox's view of the 受理 node for a run with {@code body}. */
    private static JsonNode sandboxHandle(AssignmentDesk desk, Map<String, Object> body) {
        Api.Response run = desk.admin.post("/api/v1/flows/" + desk.flowId + "/simulate", body);
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        for (JsonNode step : run.json().path("steps")) {
            if (step.path("nodeId").asString().equals("handle")) {
                return step;
            }
        }
        throw new AssertionError("no 受理 step in " + run.body());
    }

    private static Map<Long, String> skipped(JsonNode explanation) {
        Map<Long, String> why = new HashMap<>();
        explanation
                .path("candidates")
                .forEach(c -> why.put(
                        c.path("userId").asLong(),
                        c.path("skipped").isNull() ? "" : c.path("skipped").asString()));
        return why;
    }

    @Test
    void aDeactivatedAgentIsSkippedAndNoEligibleAgentStillNeverLosesTheTicket() {
        AssignmentDesk desk = desk();
        desk.rule(rule("VIP 组", Map.of(), Map.of("kind", "department", "departmentId", desk.vipDept), "round_robin"));
        for (long vip : desk.vipAgents) {
            JsonNode user = desk.admin.get("/api/v1/users/" + vip).json();
            Api.Response off = desk.admin.put(
                    "/api/v1/users/" + vip,
                    Map.of(
                            "displayName",
                            user.path("displayName").asString(),
                            "active",
                            false,
                            "version",
                            user.path("version").asInt()));
            assertThat(off.status()).as(off.body()).isEqualTo(200);
        }
        Api.Response r = desk.create(desk.admin, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        // both members are deactivated (and no longer listed as members): the default fallback is the pool
        JsonNode task = AssignmentDesk.handler(r);
        assertThat(task.path("userId").isNull()).isTrue();
        assertThat(desk.supervisor
                        .get("/api/v1/assignment/pool")
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void theFirstMatchingRuleWinsAndReorderingChangesWhich() {
        AssignmentDesk desk = desk();
        long a1 = desk.agents.get(0);
        long vip1 = desk.vipAgents.get(0);
        long first = desk.rule(rule("先", Map.of(), Map.of("kind", "user", "userId", a1), "round_robin"));
        long second = desk.rule(rule("后", Map.of(), Map.of("kind", "user", "userId", vip1), "round_robin"));
        assertThat(AssignmentDesk.handler(desk.create(desk.admin, Map.of()))
                        .path("userId")
                        .asLong())
                .isEqualTo(a1);

        Api.Response reordered =
                desk.admin.put("/api/v1/assignment/rules/order", Map.of("ids", List.of(second, first)));
        assertThat(reordered.status()).as(reordered.body()).isEqualTo(200);
        assertThat(AssignmentDesk.handler(desk.create(desk.admin, Map.of()))
                        .path("userId")
                        .asLong())
                .isEqualTo(vip1);

        Api.Response incomplete = desk.admin.put("/api/v1/assignment/rules/order", Map.of("ids", List.of(second)));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.at("/errors/0/field").asString()).isEqualTo("ids");
    }

    @Test
    void badRulesAreRefusedNamingTheFieldAndStaleEditsConflict() {
        AssignmentDesk desk = desk();
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "坏规则");
        bad.put("conditions", Map.of("expression", "fields.amount >", "priorities", List.of("asap")));
        bad.put("target", Map.of("kind", "team"));
        bad.put("strategy", Map.of("kind", "fastest"));
        Api.Response refused = desk.admin.english().post("/api/v1/assignment/rules", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field"))
                .contains("conditions.expression", "conditions.priorities[0]", "target.kind", "strategy.kind");

        long id =
                desk.rule(rule("金额大", Map.of("expression", "fields.amount > 5000"), Map.of("kind", "pool"), "manual"));
        Map<String, Object> edit = rule("金额大", Map.of(), Map.of("kind", "pool"), "manual");
        edit.put("version", 0);
        assertThat(desk.admin.put("/api/v1/assignment/rules/" + id, edit).status())
                .isEqualTo(200);
        Api.Response stale = desk.admin.put("/api/v1/assignment/rules/" + id, edit);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("currentVersion").asInt()).isEqualTo(1);
        assertThat(desk.agentsCannotManage()).isEqualTo(403);
    }
}
