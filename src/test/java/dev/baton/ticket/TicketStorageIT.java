package dev.baton.ticket;

import static dev.baton.platform.db.Tables.TICKETS;
import static dev.baton.platform.db.Tables.TICKET_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.platform.db.tables.records.TicketsRecord;
import dev.baton.support.Api;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** How a ticket's rows are stored: what the storage guarantees, and rows stored by earlier versions of Baton. */
class TicketStorageIT extends TicketTest {

    @Autowired
    DSLContext db;

    @Autowired
    JsonMapper json;

    @Test
    void aTicketStoredWithItsFactsInTheFlowStateStillDecidesOnThem() {
        TicketFixture desk = desk();
        long template = rushTemplate(desk.admin);
        long urgent = create(desk.admin, template, "urgent");
        long normal = create(desk.admin, template, "normal");
        TicketsRecord row = row(urgent);
        assertThat(row.getFlowFacts()).contains("\"ticket.priority\":\"urgent\"");
        assertThat(row.getFlowState()).doesNotContain("facts");

        // As rows were stored before flow_facts (V28): the facts inside flow_state, the column null.
        ObjectNode before = (ObjectNode) this.json.readTree(row.getFlowState());
        before.set("facts", this.json.readTree(row.getFlowFacts()));
        this.db
                .update(TICKETS)
                .set(TICKETS.FLOW_STATE, before.toString())
                .setNull(TICKETS.FLOW_FACTS)
                .set(TICKETS.VERSION, TICKETS.VERSION.plus(1)) // so no node starts from the state it remembers
                .where(TICKETS.ID.eq(urgent))
                .execute();

        assertThat(handle(desk, urgent, 1)).isEqualTo("rush");
        assertThat(handle(desk, normal, 0)).isEqualTo("visit");
        // the facts moved to their column when the flow state was next written
        TicketsRecord after = row(urgent);
        assertThat(after.getFlowFacts()).contains("\"ticket.priority\":\"urgent\"");
        assertThat(after.getFlowState()).doesNotContain("facts");
    }

    @Test
    void eachVersionOfATicketIsLoggedOnceAndTheHistoryListsThemInOrder() {
        TicketFixture desk = desk();
        long id = create(desk.admin, rushTemplate(desk.admin), "normal");
        handle(desk, id, 0);
        TicketsRecord row = row(id);

        // an id of its own: a drawn one that never commits would keep the relay looking for it for minutes
        assertThatThrownBy(() -> this.db
                        .insertInto(TICKET_EVENTS)
                        .set(TICKET_EVENTS.ID, -id)
                        .set(TICKET_EVENTS.TENANT_ID, row.getTenantId())
                        .set(TICKET_EVENTS.TICKET_ID, id)
                        .set(TICKET_EVENTS.TICKET_VERSION, 1)
                        .set(TICKET_EVENTS.ACTION, "urge")
                        .set(TICKET_EVENTS.VISIBILITY, "internal")
                        .set(TICKET_EVENTS.CREATED_AT, this.clock.instant())
                        .execute())
                .isInstanceOf(DuplicateKeyException.class);
        Api.Response history = desk.admin.get("/api/v1/tickets/" + id + "/events");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        List<String> logged = new ArrayList<>();
        history.json()
                .forEach(e -> logged.add(
                        e.path("ticketVersion").asInt() + " " + e.path("action").asString()));
        assertThat(logged).containsExactly("0 submit", "1 accept", "2 submit");
    }

    /** The agent accepts and completes 受理; the node the ticket waits at next. */
    private static String handle(TicketFixture desk, long id, int version) {
        Api.Response accepted = TicketFixture.act(desk.agent, id, "accept", Map.of("expectedVersion", version));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        Api.Response submitted = TicketFixture.act(
                desk.agent, id, "submit", Map.of("expectedVersion", version + 1, "fields", Map.of("note", "已受理")));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return submitted.at("/nodes/0/nodeId").asString();
    }

    private TicketsRecord row(long id) {
        return this.db.selectFrom(TICKETS).where(TICKETS.ID.eq(id)).fetchSingle();
    }

    private static long create(Api admin, long template, String priority) {
        Api.Response r = admin.post(
                "/api/v1/tickets",
                Map.of(
                        "templateId",
                        template,
                        "title",
                        "压缩机异响",
                        "fields",
                        Map.of("amount", 100),
                        "priority",
                        priority));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.id();
    }

    /**
     * A template whose flow reads a fact after its first task: 受理 (agent) → urgent tickets to 加急处理 (supervisor)
     * → 上门 (engineer) → end.
     */
    private static long rushTemplate(Api admin) {
        Api.Response t =
                admin.post("/api/v1/templates", Map.of("name", "加急维修", "code", "rush", "fields", TicketFixture.FIELDS));
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        Map<String, Object> end = Map.of("id", "done", "type", "end", "name", "完成");
        Map<String, Object> visit = task("visit", "上门维修", "engineer", end);
        Map<String, Object> rush = task("rush", "加急处理", "supervisor", null);
        Map<String, Object> check =
                TicketFixture.condition("priority_check", "是否加急", "加急", "ticket.priority == 'urgent'", rush, visit);
        Map<String, Object> handle = task("handle", "受理", "agent", check);
        handle.put("fields", Map.of("note", "required"));
        Map<String, Object> start = new HashMap<>();
        start.put("id", "start");
        start.put("type", "start");
        start.put("name", "提交");
        start.put("next", handle);
        TicketFixture.publish(admin, t.id(), start);
        return t.id();
    }

    private static Map<String, Object> task(String id, String name, String role, Map<String, Object> next) {
        Map<String, Object> n = new HashMap<>();
        n.put("id", id);
        n.put("type", "task");
        n.put("name", name);
        n.put("assignee", Map.of("strategy", "role", "roleCode", role));
        n.put("next", next);
        return n;
    }
}
