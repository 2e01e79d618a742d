package dev.baton.flow;

import static dev.baton.platform.db.Tables.FLOWS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.flow.InFlightTickets.Position;
import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import dev.baton.support.TestInFlightTickets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Publishing a version while tickets run on older ones: the mapping and the refusal. */
class FlowMoveApiIT extends IntegrationTest {

    @Autowired
    TestInFlightTickets running;

    @Autowired
    DSLContext db;

    @Test
    void everyMappingProblemIsA400NamingTheOldNode() {
        Api admin = newTenant().english();
        long id = publishedFlow(admin, "check");
        edit(admin, id, flow("inspect"), 1);

        Api.Response refused = publish(
                admin,
                id,
                2,
                Map.of(
                        "approve", "inspect",
                        "check", "nowhere",
                        "old", "tell"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(errors(refused))
                .containsEntry(
                        "mapping.approve",
                        "is still a start, task or approval in the new version, where its tickets stay; only nodes"
                                + " the new version no longer has can be mapped")
                .containsEntry("mapping.check", "maps to a node the new version does not have")
                .containsEntry("mapping.old", "must map to a start, task or approval, where a ticket can wait")
                .hasSize(3);
        Map<String, Object> nullTarget = new HashMap<>();
        nullTarget.put("check", null);
        assertThat(publish(admin, id, 2, nullTarget).at("/errors/0/field").asString())
                .isEqualTo("mapping.check");
        assertThat(admin.post("/api/v1/flows/" + id + "/publish", Map.of("version", 2, "mapping", List.of("check")))
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("mapping");
        assertThat(admin.get("/api/v1/flows/" + id + "/versions").json().size()).isEqualTo(1);
    }

    @Test
    void publishingIsRefusedWhileARunningTicketWouldHaveNoPlaceAndGoesAheadWithAMapping() {
        Api admin = newTenant().english();
        long id = publishedFlow(admin, "check");
        long tenant = this.db
                .select(FLOWS.TENANT_ID)
                .from(FLOWS)
                .where(FLOWS.ID.eq(id))
                .fetchSingle()
                .value1();
        this.running.place(
                tenant,
                id,
                List.of(
                        new Position(3, "GD20261123-0003", 1, "check"),
                        new Position(1, "GD20261123-0001", 1, "check"),
                        new Position(2, "GD20261123-0002", 1, "approve"),
                        new Position(4, "GD20261123-0004", 1, "check")));
        edit(admin, id, flow("inspect"), 1);

        Api.Response refused = publish(admin, id, 2, Map.of());

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.text("type")).endsWith("/flow-tickets-unmapped");
        assertThat(refused.text("detail")).startsWith("3 running tickets wait at nodes the new version does not have");
        assertThat(errors(refused))
                .containsExactly(Map.entry(
                        "mapping.check",
                        "3 tickets wait here and need a node of the new version: GD20261123-0001, GD20261123-0003,"
                                + " GD20261123-0004"));
        assertThat(refused.json().path("affected").size()).isEqualTo(3);
        assertThat(refused.at("/affected/0/ticketNumber").asString()).isEqualTo("GD20261123-0001");
        assertThat(refused.at("/affected/0/nodeId").asString()).isEqualTo("check");
        assertThat(refused.at("/affected/0/flowVersion").asInt()).isEqualTo(1);
        assertThat(refused.at("/affected/0/ticketId").asLong()).isEqualTo(1);
        assertThat(refused.at("/affectedCount").asInt()).isEqualTo(3);
        assertThat(admin.header("Accept-Language", "zh-CN")
                        .post("/api/v1/flows/" + id + "/publish", Map.of("version", 2))
                        .at("/errors/0/message")
                        .asString())
                .startsWith("有 3 张工单停在此节点");
        assertThat(admin.get("/api/v1/flows/" + id + "/versions").json().size()).isEqualTo(1);

        Api.Response published = publish(admin, id, 2, Map.of("check", "inspect"));

        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().path("publishedVersion").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/v1/flows/" + id + "/versions/2")
                        .at("/mapping/check")
                        .asString())
                .isEqualTo("inspect");
        assertThat(admin.get("/api/v1/flows/" + id + "/versions/1")
                        .json()
                        .path("mapping")
                        .size())
                .isZero();
    }

    @Test
    void aVersionThatKeepsEveryNodeWithTicketsNeedsNoMapping() {
        Api admin = newTenant().english();
        long id = publishedFlow(admin, "check");
        long tenant = this.db
                .select(FLOWS.TENANT_ID)
                .from(FLOWS)
                .where(FLOWS.ID.eq(id))
                .fetchSingle()
                .value1();
        this.running.place(tenant, id, List.of(new Position(1, "GD20261123-0001", 1, "check")));
        Map<String, Object> renamed = flow("check");
        renamed.put("name", "重新提交");
        edit(admin, id, renamed, 1);

        assertThat(publish(admin, id, 2, Map.of()).status()).isEqualTo(200);
    }

    private static Api.Response publish(Api admin, long id, int version, Map<String, ?> mapping) {
        return admin.post("/api/v1/flows/" + id + "/publish", Map.of("version", version, "mapping", mapping));
    }

    private static Map<String, String> errors(Api.Response r) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        r.json()
                .path("errors")
                .forEach(e ->
                        errors.put(e.path("field").asString(), e.path("message").asString()));
        return errors;
    }

    /** A repair template and a flow on it with a task {@code taskId}, published as version 1. */
    private static long publishedFlow(Api admin, String taskId) {
        Api.Response template = admin.post(
                "/api/v1/templates",
                Map.of(
                        "name", "维修工单",
                        "code", "repair",
                        "fields", List.of(Map.of("key", "amount", "label", "金额", "type", "money"))));
        assertThat(template.status()).as(template.body()).isEqualTo(201);
        Api.Response created = admin.post(
                "/api/v1/flows", Map.of("name", "维修流程", "templateId", template.id(), "definition", flow(taskId)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(publish(admin, created.id(), 0, Map.of()).status()).isEqualTo(200);
        return created.id();
    }

    private static void edit(Api admin, long id, Map<String, Object> definition, int version) {
        Api.Response r =
                admin.put("/api/v1/flows/" + id, Map.of("name", "维修流程", "definition", definition, "version", version));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** start → task {@code taskId} → automation {@code tell} → approval {@code approve}. */
    private static Map<String, Object> flow(String taskId) {
        Map<String, Object> approval = Map.of(
                "id", "approve",
                "type", "approval",
                "name", "主管审批",
                "mode", "any",
                "approvers", List.of(Map.of("strategy", "role", "roleCode", "supervisor")));
        Map<String, Object> tell = Map.of(
                "id", "tell",
                "type", "automation",
                "name", "通知客户",
                "action", "notify",
                "channel", "sms",
                "message", "处理中",
                "next", approval);
        Map<String, Object> task = Map.of(
                "id",
                taskId,
                "type",
                "task",
                "name",
                "检查",
                "assignee",
                Map.of("strategy", "role", "roleCode", "agent"),
                "next",
                tell);
        Map<String, Object> start = new HashMap<>();
        start.put("id", "start");
        start.put("type", "start");
        start.put("name", "开始");
        start.put("next", task);
        return start;
    }
}
