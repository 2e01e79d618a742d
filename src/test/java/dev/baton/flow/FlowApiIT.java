package dev.baton.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowApiIT extends IntegrationTest {

    @Test
    void anInvalidDraftIsSavedWithItsProblemsButNotPublished() {
        Api admin = newTenant().english();
        long template = repairTemplate(admin);

        Api.Response draft = admin.post(
                "/api/v1/flows",
                Map.of("name", "维修流程", "templateId", template, "definition", definition("fields.amont > 5000")));

        assertThat(draft.status()).isEqualTo(201);
        assertThat(problemPaths(draft.json().path("problems"))).contains("$.next.branches[0].when");
        Api.Response publish = admin.post("/api/v1/flows/" + draft.id() + "/publish", Map.of("version", 0));
        assertThat(publish.status()).isEqualTo(400);
        assertThat(problemPaths(publish.json().path("errors"))).contains("$.next.branches[0].when");
        assertThat(admin.get("/api/v1/flows/" + draft.id() + "/versions").json().size())
                .isZero();
    }

    @Test
    void publishingFreezesVersionsAndTheDraftMovesOn() {
        Api admin = newTenant();
        long id = repairFlow(admin, "fields.amount > 5000");

        Api.Response first = admin.post("/api/v1/flows/" + id + "/publish", Map.of("version", 0));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("publishedVersion").asInt()).isEqualTo(1);
        assertThat(first.json().path("problems").size()).isZero();

        Api.Response edited = admin.put(
                "/api/v1/flows/" + id,
                Map.of("name", "维修流程", "definition", definition("fields.amount > 8000"), "version", 1));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/flows/" + id + "/publish", Map.of("version", 1))
                        .status())
                .isEqualTo(409);
        assertThat(admin.post("/api/v1/flows/" + id + "/publish", Map.of("version", 2))
                        .json()
                        .path("publishedVersion")
                        .asInt())
                .isEqualTo(2);

        assertThat(admin.get("/api/v1/flows/" + id + "/versions").json().size()).isEqualTo(2);
        assertThat(admin.get("/api/v1/flows/" + id + "/versions/1").body()).contains("fields.amount > 5000");
        assertThat(admin.get("/api/v1/flows/" + id + "/versions/2").body()).contains("fields.amount > 8000");
    }

    @Test
    void theSandboxRunsTheDraftOrAVersionOnSampleValuesAndWritesNothing() {
        Api admin = newTenant();
        long id = repairFlow(admin, "fields.amount > 5000");

        Api.Response big = admin.post("/api/v1/flows/" + id + "/simulate", Map.of("fields", Map.of("amount", 6000)));
        Api.Response small = admin.post("/api/v1/flows/" + id + "/simulate", Map.of("fields", Map.of("amount", 100)));
        Api.Response rejected = admin.post(
                "/api/v1/flows/" + id + "/simulate",
                Map.of("fields", Map.of("amount", 6000), "decisions", Map.of("approve", List.of("reject"))));

        assertThat(big.status()).as(big.body()).isEqualTo(200);
        assertThat(pathOf(big)).containsSubsequence("amount_check", "approve");
        assertThat(big.text("outcome")).isEqualTo("COMPLETED");
        assertThat(big.body()).contains("approval_requested", "supervisor");
        assertThat(pathOf(small)).containsSubsequence("amount_check", "handle").doesNotContain("approve");
        assertThat(rejected.text("outcome")).isEqualTo("REJECTED");
        assertThat(admin.post(
                                "/api/v1/flows/" + id + "/simulate",
                                Map.of("decisions", Map.of("approve", List.of("maybe"))))
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("decisions.approve[0]");
        Map<String, Object> missingVerdicts = new HashMap<>();
        missingVerdicts.put("approve", null);
        assertThat(admin.post("/api/v1/flows/" + id + "/simulate", Map.of("decisions", missingVerdicts))
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("decisions.approve");
        assertThat(admin.post("/api/v1/flows/" + id + "/simulate", Map.of("version", 1))
                        .status())
                .isEqualTo(400);
        admin.post("/api/v1/flows/" + id + "/publish", Map.of("version", 0));
        assertThat(pathOf(admin.post(
                        "/api/v1/flows/" + id + "/simulate", Map.of("version", 1, "fields", Map.of("amount", 9000)))))
                .contains("approve");
        assertThat(admin.get("/api/v1/flows/" + id + "/versions").json().size()).isEqualTo(1);
    }

    private static List<String> pathOf(Api.Response r) {
        List<String> ids = new ArrayList<>();
        r.json().path("path").forEach(p -> ids.add(p.path("nodeId").asString()));
        return ids;
    }

    @Test
    void aCloneStartsAsAnUnpublishedCopyOfTheDraft() {
        Api admin = newTenant();
        long id = repairFlow(admin, "fields.amount > 5000");
        admin.post("/api/v1/flows/" + id + "/publish", Map.of("version", 0));

        Api.Response copy = admin.post("/api/v1/flows/" + id + "/clone", Map.of("name", "副本"));

        assertThat(copy.status()).isEqualTo(201);
        assertThat(copy.json().path("publishedVersion").isNull()).isTrue();
        assertThat(copy.json().path("definition").toString()).contains("fields.amount > 5000");
    }

    @Test
    void flowsAndTemplatesOfAnotherTenantAreOutOfReach() {
        Api a = newTenant();
        Api b = newTenant();
        long bFlow = repairFlow(b, "fields.amount > 1");
        long bTemplate =
                b.get("/api/v1/flows/" + bFlow).json().path("templateId").asLong();

        assertThat(a.get("/api/v1/flows/" + bFlow).status()).isEqualTo(404);
        assertThat(a.post("/api/v1/flows/" + bFlow + "/publish", Map.of("version", 0))
                        .status())
                .isEqualTo(404);
        assertThat(a.post("/api/v1/flows/" + bFlow + "/clone", Map.of("name", "x"))
                        .status())
                .isEqualTo(404);
        Api.Response foreignTemplate =
                a.post("/api/v1/flows", Map.of("name", "x", "templateId", bTemplate, "definition", definition("true")));
        assertThat(foreignTemplate.status()).isEqualTo(400);
        assertThat(foreignTemplate.at("/errors/0/field").asString()).isEqualTo("templateId");
    }

    @Test
    void onlyFlowDesignersSeeAndChangeFlows() {
        Api admin = newTenant();
        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        createUser(admin, "agent1", List.of(), List.of(roleIds(admin).get("agent")));

        assertThat(api().login(tenant, "agent1", "Secret-123456")
                        .get("/api/v1/flows")
                        .status())
                .isEqualTo(403);
    }

    /** A repair template and a draft flow on it branching on {@code when}; returns the flow id. */
    private static long repairFlow(Api admin, String when) {
        Api.Response r = admin.post(
                "/api/v1/flows",
                Map.of("name", "维修流程", "templateId", repairTemplate(admin), "definition", definition(when)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.id();
    }

    private static long repairTemplate(Api admin) {
        Api.Response r = admin.post(
                "/api/v1/templates",
                Map.of(
                        "name", "维修工单",
                        "code", "repair",
                        "fields", List.of(Map.of("key", "amount", "label", "金额", "type", "money"))));
        assertThat(r.status()).isEqualTo(201);
        return r.id();
    }

    /** start → condition (when → supervisor approval, default → agent task) → end. */
    private static Map<String, Object> definition(String when) {
        Map<String, Object> approval = Map.of(
                "id", "approve",
                "type", "approval",
                "name", "主管审批",
                "mode", "any",
                "approvers", List.of(Map.of("strategy", "role", "roleCode", "supervisor")));
        Map<String, Object> handle = Map.of(
                "id", "handle",
                "type", "task",
                "name", "客服处理",
                "assignee", Map.of("strategy", "role", "roleCode", "agent"));
        Map<String, Object> condition = new HashMap<>();
        condition.put("id", "amount_check");
        condition.put("type", "condition");
        condition.put("name", "金额判断");
        condition.put(
                "branches",
                List.of(
                        Map.of("name", "大额", "when", when, "next", approval),
                        Map.of("name", "其他", "default", true, "next", handle)));
        Map<String, Object> start = new HashMap<>();
        start.put("id", "start");
        start.put("type", "start");
        start.put("name", "开始");
        start.put("next", condition);
        return start;
    }

    private static List<String> problemPaths(tools.jackson.databind.JsonNode problems) {
        List<String> paths = new ArrayList<>();
        problems.forEach(p -> paths.add(p.path("field").asString()));
        return paths;
    }
}
