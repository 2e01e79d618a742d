package dev.baton.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SlaPolicyApiIT extends SlaTest {

    @Test
    void aNewTenantHasTheDefaultPolicyWithThreeEscalationLevels() {
        Api admin = newTenant();

        JsonNode list = admin.get("/api/v1/sla-policies").json();

        assertThat(list.path("total").asInt()).isEqualTo(1);
        JsonNode p = list.path("items").get(0);
        assertThat(p.path("name").asString()).isEqualTo("默认时效");
        assertThat(p.path("firstResponse").asString()).isEqualTo("PT4H");
        assertThat(p.path("resolution").asString()).isEqualTo("P3D");
        assertThat(p.path("reminderBefore").asString()).isEqualTo("PT30M");
        assertThat(p.path("pauseStatuses").get(0).asString()).isEqualTo("suspended");
        assertThat(p.path("escalations").findValuesAsString("to"))
                .containsExactly("assignee_leader", "assignee_leader", "role");
    }

    @Test
    void badPoliciesAreRefusedWithEveryFieldNamed() {
        Api admin = newTenant();
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "坏策略");
        bad.put("firstResponse", "4 hours");
        bad.put("pauseStatuses", List.of("closed"));
        bad.put("reminderBefore", "P1D");
        bad.put("calendarId", 999_999_999);
        bad.put("match", Map.of("priorities", List.of("asap"), "sources", List.of("fax")));
        bad.put(
                "escalations",
                List.of(
                        Map.of("to", "boss", "channels", List.of("wecom")),
                        Map.of("to", "role", "roleCode", "nobody", "channels", List.of("pigeon")),
                        Map.of("to", "assignee_leader", "leaderLevel", 0, "after", "later", "channels", List.of())));

        Api.Response r = admin.post("/api/v1/sla-policies", bad);

        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r))
                .containsExactlyInAnyOrder(
                        "firstResponse",
                        "pauseStatuses[0]",
                        "reminderBefore",
                        "calendarId",
                        "match.priorities[0]",
                        "match.sources[0]",
                        "escalations[0].to",
                        "escalations[1].roleCode",
                        "escalations[1].channels[0]",
                        "escalations[2].after",
                        "escalations[2].leaderLevel",
                        "escalations[2].channels");
        Map<String, Object> none = new HashMap<>();
        none.put("name", "");
        assertThat(fields(admin.post("/api/v1/sla-policies", none))).contains("name");
        assertThat(fields(admin.post("/api/v1/sla-policies", Map.of("name", "空"))))
                .containsExactly("firstResponse");
    }

    @Test
    void policiesAreCreatedChangedWithOptimisticLockingReorderedAndDeleted() {
        SlaDesk desk = desk();
        Api admin = desk.admin;
        long a = desk.create(desk.policy("甲", "PT1H", "PT4H"));
        long b = desk.create(desk.policy("乙", "PT2H", "PT8H"));
        assertThat(admin.get("/api/v1/sla-policies/" + b)
                        .json()
                        .path("position")
                        .asInt())
                .isEqualTo(1);
        assertThat(admin.post("/api/v1/sla-policies", desk.policy("甲", "PT1H", "PT4H"))
                        .json()
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("name");

        Map<String, Object> edit = desk.policy("甲", "PT30M", "PT4H");
        edit.put("version", 0);
        assertThat(admin.put("/api/v1/sla-policies/" + a, edit)
                        .json()
                        .path("version")
                        .asInt())
                .isEqualTo(1);
        Api.Response stale = admin.put("/api/v1/sla-policies/" + a, edit);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("currentVersion").asInt()).isEqualTo(1);

        Api.Response order = admin.put("/api/v1/sla-policies/order", Map.of("ids", List.of(b, a)));
        assertThat(order.status()).isEqualTo(200);
        assertThat(order.json().findValuesAsString("name")).containsExactly("乙", "甲");
        assertThat(fields(admin.put("/api/v1/sla-policies/order", Map.of("ids", List.of(b)))))
                .containsExactly("ids");
        assertThat(admin.get("/api/v1/sla-policies?size=1&page=1")
                        .json()
                        .at("/items/0/name")
                        .asString())
                .isEqualTo("甲");

        assertThat(desk.agent
                        .post("/api/v1/sla-policies", desk.policy("丙", "PT1H", "PT4H"))
                        .status())
                .isEqualTo(403);
        assertThat(admin.delete("/api/v1/sla-policies/" + a + "?version=1").status())
                .isEqualTo(409);
        assertThat(admin.delete("/api/v1/sla-policies/" + a + "?version=2").status())
                .isEqualTo(204);
        assertThat(admin.get("/api/v1/sla-policies/" + a).status()).isEqualTo(404);
    }

    private static List<String> fields(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        List<String> out = new ArrayList<>();
        r.json().path("errors").forEach(e -> out.add(e.path("field").asString()));
        return out;
    }
}
