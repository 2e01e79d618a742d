package dev.baton.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A fresh tenant routed by rules: a 维修工单 template (code {@code repair}, a money field {@code amount}) whose flow
 * is start → 受理 (assignee "by assignment rules") → end; a 客服部 with three agents, a VIP 服务组 with two, and a
 * supervisor.
 */
final class AssignmentDesk {

    final Api admin;
    final Api supervisor;
    final long templateId;
    final long flowId;
    final long serviceDept;
    final long vipDept;
    final List<Long> agents = new ArrayList<>();
    final List<Long> vipAgents = new ArrayList<>();
    final long supervisorId;
    final Function<String, Api> login;

    AssignmentDesk(Api admin, Map<String, Long> roles, Org org, Function<String, Api> login) {
        this.admin = admin;
        this.login = login;
        long root = admin.get("/api/v1/departments").json().get(0).path("id").asLong();
        this.serviceDept = org.department("客服部", root);
        this.vipDept = org.department("VIP 服务组", root);
        for (int i = 1; i <= 3; i++) {
            this.agents.add(org.user("agent" + i, this.serviceDept, roles.get("agent")));
        }
        for (int i = 1; i <= 2; i++) {
            this.vipAgents.add(org.user("vip" + i, this.vipDept, roles.get("agent")));
        }
        this.supervisorId = org.user("super1", root, roles.get("supervisor"));
        this.supervisor = login.apply("super1");
        Api.Response t = admin.post(
                "/api/v1/templates",
                Map.of(
                        "name",
                        "维修工单",
                        "code",
                        "repair",
                        "fields",
                        List.of(Map.of("key", "amount", "label", "金额", "type", "money"))));
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        this.templateId = t.id();
        Map<String, Object> end = Map.of("id", "done", "type", "end", "name", "完成");
        Map<String, Object> handle = new HashMap<>();
        handle.put("id", "handle");
        handle.put("type", "task");
        handle.put("name", "受理");
        handle.put("assignee", Map.of("strategy", "rules"));
        handle.put("actions", List.of("transfer"));
        handle.put("next", end);
        Map<String, Object> start = Map.of("id", "start", "type", "start", "name", "提交", "next", handle);
        Api.Response flow =
                admin.post("/api/v1/flows", Map.of("name", "维修流程", "templateId", this.templateId, "definition", start));
        assertThat(flow.status()).as(flow.body()).isEqualTo(201);
        this.flowId = flow.id();
        Api.Response published = admin.post("/api/v1/flows/" + flow.id() + "/publish", Map.of("version", 0));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    interface Org {
        long department(String name, long parentId);

        long user(String username, long department, long role);
    }

    long rule(Map<String, Object> body) {
        Api.Response r = this.admin.post("/api/v1/assignment/rules", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.id();
    }

    Api.Response create(Api as, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("templateId", this.templateId);
        body.put("title", "空调维修");
        body.put("fields", Map.of("amount", 100));
        body.put("source", "web");
        body.putAll(extra);
        return as.post("/api/v1/tickets", body);
    }

    /** The task row of the ticket's 受理 node as the create or get answer shows it. */
    static tools.jackson.databind.JsonNode handler(Api.Response ticket) {
        return ticket.json().path("nodes").get(0).path("handlers").get(0);
    }

    /** What an agent gets when they try to change the rules. */
    int agentsCannotManage() {
        return this.login.apply("agent1").get("/api/v1/assignment/rules").status();
    }
}
