package dev.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A repair service desk in a fresh tenant: an agent, a second agent, a supervisor and an engineer, a repair
 * template and a published flow: start → 受理 (agent role; note required; transfer, return and add-handler
 * allowed) → amount check (&gt; 5000 → supervisor approval) → 上门 (engineer role) → end (awaiting
 * confirmation).
 */
final class TicketFixture {

    final Api admin;
    final Api agent;
    final Api agent2;
    final Api supervisor;
    final Api engineer;
    final long agentId;
    final long agent2Id;
    final long supervisorId;
    final long engineerId;
    final long templateId;
    final long flowId;
    final long serviceDept;
    final long otherDept;

    /** Logs a user of the fixture's tenant in by username. */
    interface Login {
        Api as(String username);
    }

    /** Creates departments and users through the organisation API. */
    interface Org {
        long department(String name, long parentId);

        long user(String username, long department, long role);
    }

    TicketFixture(Api admin, Map<String, Long> roles, Org org, Login login) {
        this.admin = admin;
        long root = admin.get("/api/v1/departments").json().get(0).path("id").asLong();
        this.serviceDept = org.department("客服部", root);
        this.otherDept = org.department("销售部", root);
        this.agentId = org.user("agent1", this.serviceDept, roles.get("agent"));
        this.agent2Id = org.user("agent2", this.otherDept, roles.get("agent"));
        this.supervisorId = org.user("super1", this.serviceDept, roles.get("supervisor"));
        this.engineerId = org.user("eng1", this.serviceDept, roles.get("engineer"));
        this.agent = login.as("agent1");
        this.agent2 = login.as("agent2");
        this.supervisor = login.as("super1");
        this.engineer = login.as("eng1");
        this.templateId = template(admin);
        this.flowId = publish(admin, this.templateId, definition());
    }

    /** The fields of the fixture's template (also what an edit of it starts from). */
    static final List<Map<String, Object>> FIELDS = List.of(
            Map.of("key", "amount", "label", "金额", "type", "money", "searchable", true),
            Map.of("key", "model", "label", "型号", "type", "text", "searchable", true),
            Map.of("key", "note", "label", "处理说明", "type", "textarea"));

    static long template(Api admin) {
        return template(admin, FIELDS);
    }

    /** A 维修工单 template (code {@code repair}) with these fields. */
    static long template(Api admin, List<Map<String, Object>> fields) {
        Api.Response r = admin.post("/api/v1/templates", Map.of("name", "维修工单", "code", "repair", "fields", fields));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.id();
    }

    /** The condition every fixture flow has: amounts over 5000 go through {@code approval}, then on to {@code next}. */
    static Map<String, Object> amountCheck(Map<String, Object> approval, Map<String, Object> next) {
        return condition("amount_check", "金额判断", "大额", "fields.amount > 5000", approval, next);
    }

    /** A condition node with one branch taken {@code when}, the default branch ({@code 其他}) and then {@code next}. */
    static Map<String, Object> condition(
            String id, String name, String branch, String when, Map<String, Object> taken, Map<String, Object> next) {
        Map<String, Object> check = new HashMap<>();
        check.put("id", id);
        check.put("type", "condition");
        check.put("name", name);
        check.put(
                "branches",
                List.of(Map.of("name", branch, "when", when, "next", taken), Map.of("name", "其他", "default", true)));
        check.put("next", next);
        return check;
    }

    static long publish(Api admin, long templateId, Map<String, Object> definition) {
        Api.Response flow =
                admin.post("/api/v1/flows", Map.of("name", "维修流程", "templateId", templateId, "definition", definition));
        assertThat(flow.status()).as(flow.body()).isEqualTo(201);
        Api.Response published = admin.post("/api/v1/flows/" + flow.id() + "/publish", Map.of("version", 0));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return flow.id();
    }

    static Map<String, Object> definition() {
        Map<String, Object> end =
                Map.of("id", "done", "type", "end", "name", "完成", "customerStatus", "awaiting_confirmation");
        Map<String, Object> visit =
                node("visit", "task", "上门维修", Map.of("strategy", "role", "roleCode", "engineer"), end);
        Map<String, Object> approval = new HashMap<>();
        approval.put("id", "approve");
        approval.put("type", "approval");
        approval.put("name", "主管审批");
        approval.put("mode", "serial");
        approval.put("approvers", List.of(Map.of("strategy", "role", "roleCode", "supervisor")));
        approval.put("onReject", Map.of("action", "return", "targetNodeId", "handle"));
        Map<String, Object> check = amountCheck(approval, visit);
        Map<String, Object> handle =
                node("handle", "task", "受理", Map.of("strategy", "role", "roleCode", "agent"), check);
        handle.put("fields", Map.of("note", "required", "amount", "editable"));
        handle.put("actions", List.of("transfer", "return", "add_handler"));
        Map<String, Object> start = new HashMap<>();
        start.put("id", "start");
        start.put("type", "start");
        start.put("name", "提交");
        start.put("next", handle);
        return start;
    }

    private static Map<String, Object> node(
            String id, String type, String name, Map<String, Object> assignee, Map<String, Object> next) {
        Map<String, Object> n = new HashMap<>();
        n.put("id", id);
        n.put("type", type);
        n.put("name", name);
        n.put("assignee", assignee);
        n.put("next", next);
        return n;
    }

    Api.Response create(Api as, String title, Map<String, Object> fields) {
        return as.post(
                "/api/v1/tickets",
                Map.of(
                        "templateId",
                        this.templateId,
                        "title",
                        title,
                        "description",
                        "<p>客户反映" + title + "</p>",
                        "fields",
                        fields,
                        "source",
                        "web"));
    }

    static Api.Response act(Api as, long id, String action, Map<String, Object> body) {
        return as.post("/api/v1/tickets/" + id + "/actions/" + action, body);
    }

    static int version(Api as, long id) {
        return as.get("/api/v1/tickets/" + id).json().path("version").asInt();
    }
}
