package dev.baton.ticket;

import static dev.baton.platform.db.Tables.FIELD_INDEX;
import static dev.baton.platform.db.Tables.TICKETS;
import static dev.baton.platform.db.Tables.TICKET_COUNTERS;
import static dev.baton.platform.db.Tables.TICKET_EVENTS;
import static dev.baton.platform.db.Tables.TICKET_OUTBOX;
import static dev.baton.platform.db.Tables.TICKET_TASKS;
import static dev.baton.platform.db.Tables.TICKET_TERMS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox over HTTP: candidates per node from the organisation, SLA targets, notifications, bad sample
 * input, and — the point of it — that the candidates are exactly who may act on a real ticket made from the
 * same inputs.
 */
class SimulationApiIT extends IntegrationTest {

    @Autowired
    DSLContext db;

    Api admin;
    String tenant;
    String rootName;
    long flowId;
    long templateId;
    long agent1;
    long agent2;
    long eastLead;
    long serviceLead;
    long creator;
    long technician;
    final Map<String, Long> users = new LinkedHashMap<>();

    /**
     * 总部 › 售后服务部 (leader svclead) › 华东区 (leader eastlead); 客服部 with two agents; the creator (a supervisor: engineers may not create tickets) and the
     * technician eng2 in 华东区. Flow: 分诊 (agent role, PT4H, tells assignee and creator) → amount &gt; 5000 →
     * two-level leader approval → notify automation → 上门 (the technician user field) → end.
     */
    @BeforeEach
    void organisation() {
        this.admin = newTenant();
        this.tenant = this.admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        Map<String, Long> roles = roleIds(this.admin);
        JsonNode root = this.admin.get("/api/v1/departments").json().get(0);
        this.rootName = root.path("name").asString();
        long rootId = root.path("id").asLong();
        this.serviceLead = user("svclead", rootId, roles.get("supervisor"));
        long afterSales = department("售后服务部", rootId, this.serviceLead);
        this.eastLead = user("eastlead", rootId, roles.get("supervisor"));
        long east = department("华东区", afterSales, this.eastLead);
        long service = createDepartment(this.admin, "客服部", rootId);
        this.agent1 = user("agent1", service, roles.get("agent"));
        this.agent2 = user("agent2", service, roles.get("agent"));
        this.creator = user("reporter", east, roles.get("supervisor"));
        this.technician = user("eng2", east, roles.get("engineer"));
        this.templateId = template();
        this.flowId = TicketFixture.publish(this.admin, this.templateId, definition());
    }

    @Test
    void eachNodeListsItsCandidatesSlaAndNotifications() {
        Api.Response r = simulate(
                Map.of("creatorId", this.creator, "fields", Map.of("amount", 6000, "technician", this.technician)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode steps = r.json().path("steps");
        assertThat(ids(steps)).containsExactly("start", "triage", "amount_check", "approve", "tell", "visit", "done");
        assertThat(ids(r.json().path("path"))).isEqualTo(ids(steps));

        JsonNode triage = steps.get(1);
        assertThat(triage.at("/assignee/strategy").asString()).isEqualTo("role");
        assertThat(triage.at("/assignee/roleCode").asString()).isEqualTo("agent");
        assertThat(names(triage.path("candidates"))).containsExactly("agent1", "agent2");
        assertThat(triage.at("/candidates/0/department").asString()).isEqualTo("客服部");
        assertThat(triage.at("/candidatesTotal").asInt()).isEqualTo(2);
        assertThat(triage.has("candidatesNote")).isFalse();
        assertThat(triage.at("/sla/target").asString()).isEqualTo("PT4H");
        // the deadline on the tenant's default calendar (标准工作日历), counted from the moment of the simulation
        JsonNode calendars = this.admin.get("/api/v1/calendars").json().path("items");
        long calendar = 0;
        for (JsonNode c : calendars) {
            if (c.path("default").asBoolean()) {
                calendar = c.path("id").asLong();
            }
        }
        String expected = this.admin
                .get("/api/v1/calendars/" + calendar + "/deadline?duration=PT4H&from="
                        + java.net.URLEncoder.encode(
                                this.clock.instant().toString(), java.nio.charset.StandardCharsets.UTF_8))
                .text("deadline");
        assertThat(java.time.OffsetDateTime.parse(triage.at("/sla/dueAt").asString())
                        .toInstant())
                .isEqualTo(java.time.OffsetDateTime.parse(expected).toInstant());

        JsonNode approve = steps.get(3);
        assertThat(approve.path("mode").asString()).isEqualTo("serial");
        assertThat(names(approve.path("candidates"))).containsExactly("eastlead", "svclead");
        assertThat(approve.at("/candidates/0/slot").asInt()).isZero();
        assertThat(approve.at("/candidates/1/slot").asInt()).isEqualTo(1);
        assertThat(approve.at("/candidates/0/department").asString()).isEqualTo(this.rootName);
        assertThat(approve.at("/approvers/1/assignee/strategy").asString()).isEqualTo("department_leader");
        assertThat(approve.at("/approvers/1/assignee/level").asInt()).isEqualTo(2);

        JsonNode visit = steps.get(5);
        assertThat(visit.at("/assignee/fieldKey").asString()).isEqualTo("technician");
        assertThat(names(visit.path("candidates"))).containsExactly("eng2");
        assertThat(visit.at("/candidates/0/department").asString()).isEqualTo("华东区");
        assertThat(steps.get(2).path("candidates").isEmpty()).isTrue();

        List<String> sent = new ArrayList<>();
        r.json()
                .path("notifications")
                .forEach(n -> sent.add(n.path("nodeId").asString() + " "
                        + n.path("event").asString() + " " + names(n.path("to")) + " " + n.path("channels")));
        assertThat(sent)
                .containsExactly(
                        "triage assigned [agent1, agent2, reporter] [\"wecom\",\"inapp\"]",
                        "approve approval_requested [eastlead] [\"wecom\"]",
                        "approve approval_requested [svclead] [\"wecom\"]",
                        "tell automation [] [\"email\"]",
                        "visit assigned [eng2] [\"wecom\"]");
        assertThat(r.at("/notifications/3/message").asString()).isEqualTo("已派单");
    }

    @Test
    void theSandboxWritesNothing() {
        Map<Table<?>, Integer> before = counts();
        Api.Response r = simulate(
                Map.of("creatorId", this.creator, "fields", Map.of("amount", 6000, "technician", this.technician)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(counts()).isEqualTo(before);
    }

    /** Who the sandbox names at each node is exactly whose "mine" queue the real ticket is in there. */
    @Test
    void candidatesAreWhoMayActOnARealTicket() {
        Map<String, Object> fields = Map.of("amount", 6000, "technician", this.technician);
        JsonNode steps = simulate(Map.of("creatorId", this.creator, "source", "web", "fields", fields))
                .json()
                .path("steps");
        Map<String, List<String>> predicted = new LinkedHashMap<>();
        for (JsonNode step : steps) {
            if (step.path("type").asString().equals("approval")) {
                for (JsonNode slot : step.path("approvers")) {
                    predicted.put(
                            step.path("nodeId").asString() + "#"
                                    + slot.path("slot").asInt(),
                            names(slot.path("candidates")));
                }
            } else if (step.path("type").asString().equals("task")) {
                predicted.put(step.path("nodeId").asString(), names(step.path("candidates")));
            }
        }

        Api as = login("reporter");
        Api.Response created = as.post(
                "/api/v1/tickets",
                Map.of("templateId", this.templateId, "title", "对照", "fields", fields, "source", "web"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.id();
        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (int step = 0; step < 10; step++) {
            JsonNode ticket = this.admin.get("/api/v1/tickets/" + id).json();
            if (ticket.path("nodes").isEmpty()) {
                break;
            }
            JsonNode node = ticket.path("nodes").get(0);
            String key = node.path("nodeId").asString()
                    + (node.path("type").asString().equals("approval")
                            ? "#" + node.at("/handlers/0/slot").asInt()
                            : "");
            List<String> mayAct = whoseQueueHas(id);
            actual.put(key, mayAct);
            assertThat(mayAct).as(key).isNotEmpty();
            String action = node.path("type").asString().equals("approval") ? "approve" : "submit";
            Api.Response done = TicketFixture.act(
                    login(mayAct.getFirst()),
                    id,
                    action,
                    Map.of("expectedVersion", ticket.path("version").asInt()));
            assertThat(done.status()).as(done.body()).isEqualTo(200);
        }
        assertThat(actual).isEqualTo(predicted);
        assertThat(actual.keySet()).containsExactly("triage", "approve#0", "approve#1", "visit");
    }

    @Test
    void badSampleInputIsA400WithItsPath() {
        Api.Response unknownCreator = simulate(Map.of("creatorId", 987654321, "fields", Map.of("amount", 1)));
        assertThat(unknownCreator.status()).as(unknownCreator.body()).isEqualTo(400);
        assertThat(unknownCreator.at("/errors/0/field").asString()).isEqualTo("creatorId");

        Api.Response notAUser = simulate(Map.of("fields", Map.of("amount", 1, "technician", "eng2")));
        assertThat(notAUser.status()).as(notAUser.body()).isEqualTo(400);
        assertThat(notAUser.at("/errors/0/field").asString()).isEqualTo("fields.technician");

        Api.Response badSource = simulate(Map.of("source", "Web!", "fields", Map.of("amount", 1)));
        assertThat(badSource.status()).as(badSource.body()).isEqualTo(400);
        assertThat(badSource.at("/errors/0/field").asString()).isEqualTo("source");
    }

    @Test
    void nobodyToAssignIsANoteNotAnError() {
        Api.Response r = simulate(Map.of("fields", Map.of("amount", 1, "technician", 987654321)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode visit = r.json().path("steps").get(4);
        assertThat(visit.path("nodeId").asString()).isEqualTo("visit");
        assertThat(visit.path("candidates").isEmpty()).isTrue();
        assertThat(visit.path("candidatesTotal").asInt()).isZero();
        assertThat(visit.path("candidatesNote").asString()).contains("工单池");

        // the admin who simulates has no department, so there is no leader to approve
        Api.Response big = simulate(Map.of("fields", Map.of("amount", 6000)));
        assertThat(big.at("/steps/3/candidatesNote").asString()).isNotEmpty();
        assertThat(big.at("/steps/3/approvers/0/candidates").isEmpty()).isTrue();
    }

    @Test
    void byRulesWithoutAnyRuleTheSandboxSaysThePool() {
        Map<String, Object> triage = task("triage", "分诊", Map.of("strategy", "rules"), end());
        long flow = TicketFixture.publish(this.admin, this.templateId, start(triage));
        Api.Response r =
                this.admin.english().post("/api/v1/flows/" + flow + "/simulate", Map.of("fields", Map.of("amount", 1)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.at("/steps/1/candidates").isEmpty()).isTrue();
        assertThat(r.at("/steps/1/candidatesNote").asString())
                .isEqualTo("no assignment rule matches; the work would go to the pool");
    }

    @Test
    void notifySettingsAreCheckedWithTheirPaths() {
        Map<String, Object> triage = task("triage", "分诊", Map.of("strategy", "creator"), end());
        triage.put("notify", Map.of("onEnter", List.of("assignee", "bad role!"), "channels", List.of("fax"), "x", 1));
        Api.Response draft = this.admin.post(
                "/api/v1/flows", Map.of("name", "坏通知", "templateId", this.templateId, "definition", start(triage)));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        List<String> paths = new ArrayList<>();
        draft.json().path("problems").forEach(p -> paths.add(p.path("field").asString()));
        assertThat(paths).contains("$.next.notify.onEnter[1]", "$.next.notify.channels[0]", "$.next.notify.x");
    }

    private Api.Response simulate(Map<String, Object> body) {
        return this.admin.post("/api/v1/flows/" + this.flowId + "/simulate", body);
    }

    /** The users of the tenant whose "mine" queue lists the ticket. */
    private List<String> whoseQueueHas(long ticketId) {
        List<String> who = new ArrayList<>();
        for (String username : this.users.keySet()) {
            JsonNode mine =
                    login(username).get("/api/v1/tickets?queue=mine&size=100").json();
            for (JsonNode t : mine.path("items")) {
                if (t.path("id").asLong() == ticketId) {
                    who.add(username);
                }
            }
        }
        return who;
    }

    private Map<Table<?>, Integer> counts() {
        Map<Table<?>, Integer> counts = new HashMap<>();
        for (Table<?> t : List.of(
                TICKETS, TICKET_TASKS, TICKET_EVENTS, TICKET_OUTBOX, TICKET_TERMS, TICKET_COUNTERS, FIELD_INDEX)) {
            counts.put(t, this.db.fetchCount(t));
        }
        return counts;
    }

    private Api login(String username) {
        return api().login(this.tenant, username, "Secret-123456");
    }

    private long user(String username, long department, long role) {
        long id = createUser(this.admin, username, List.of(department), List.of(role));
        this.users.put(username, id);
        return id;
    }

    private long department(String name, long parentId, long leader) {
        Api.Response r = this.admin.post(
                "/api/v1/departments", Map.of("name", name, "parentId", parentId, "leaderUserId", leader));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.id();
    }

    private long template() {
        return TicketFixture.template(
                this.admin,
                List.of(
                        Map.of("key", "amount", "label", "金额", "type", "money"),
                        Map.of("key", "technician", "label", "师傅", "type", "user")));
    }

    private static Map<String, Object> definition() {
        Map<String, Object> visit = task("visit", "上门", Map.of("strategy", "field", "fieldKey", "technician"), end());
        visit.put("notify", List.of("wecom"));
        Map<String, Object> tell = new HashMap<>();
        tell.put("id", "tell");
        tell.put("type", "automation");
        tell.put("name", "通知客户");
        tell.put("action", "notify");
        tell.put("channel", "email");
        tell.put("message", "已派单");
        tell.put("next", visit);
        Map<String, Object> approval = new HashMap<>();
        approval.put("id", "approve");
        approval.put("type", "approval");
        approval.put("name", "主管审批");
        approval.put("mode", "serial");
        approval.put(
                "approvers",
                List.of(
                        Map.of("strategy", "department_leader", "level", 1),
                        Map.of("strategy", "department_leader", "level", 2)));
        approval.put("notify", Map.of("onEnter", List.of("assignee"), "channels", List.of("wecom")));
        Map<String, Object> check = TicketFixture.amountCheck(approval, tell);
        Map<String, Object> triage = task("triage", "分诊", Map.of("strategy", "role", "roleCode", "agent"), check);
        triage.put("sla", "PT4H");
        triage.put("notify", Map.of("onEnter", List.of("assignee", "creator"), "channels", List.of("wecom", "inapp")));
        return start(triage);
    }

    private static Map<String, Object> start(Map<String, Object> next) {
        Map<String, Object> start = new HashMap<>();
        start.put("id", "start");
        start.put("type", "start");
        start.put("name", "提交");
        start.put("next", next);
        return start;
    }

    private static Map<String, Object> end() {
        return Map.of("id", "done", "type", "end", "name", "完成");
    }

    private static Map<String, Object> task(
            String id, String name, Map<String, Object> assignee, Map<String, Object> next) {
        Map<String, Object> n = new HashMap<>();
        n.put("id", id);
        n.put("type", "task");
        n.put("name", name);
        n.put("assignee", assignee);
        n.put("next", next);
        return n;
    }

    private static List<String> ids(JsonNode steps) {
        List<String> ids = new ArrayList<>();
        steps.forEach(s -> ids.add(s.path("nodeId").asString()));
        return ids;
    }

    private static List<String> names(JsonNode people) {
        List<String> names = new ArrayList<>();
        people.forEach(p -> names.add(p.path("name").asString()));
        return names;
    }
}
