package dev.baton.ticket;

import static dev.baton.ticket.TicketFixture.act;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TicketContentIT extends TicketTest {

    /** The domain events the outbox delivered, as another module's listener receives them. */
    static final List<TicketEvent> RECEIVED = new CopyOnWriteArrayList<>();

    @Autowired
    void listen(org.springframework.context.ConfigurableApplicationContext context) {
        if (LISTENING.compareAndSet(false, true)) {
            context.addApplicationListener((org.springframework.context.PayloadApplicationEvent<?> e) -> {
                if (e.getPayload() instanceof TicketEvent event) {
                    RECEIVED.add(event);
                }
            });
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean LISTENING =
            new java.util.concurrent.atomic.AtomicBoolean();

    @Test
    void scriptsAndHandlersNeverSurviveInDescriptionsCommentsOrHistory() {
        TicketFixture desk = desk();
        Map<String, Object> body = new HashMap<>();
        body.put("templateId", desk.templateId);
        body.put("title", "XSS");
        body.put(
                "description",
                "<p onclick=\"steal()\">屏幕<b>不亮</b></p><script>alert(1)</script><a href=\"javascript:alert(2)\">点我</a>");
        body.put("fields", Map.of("amount", 1));
        Api.Response created = desk.admin.post("/api/v1/tickets", body);
        long id = created.id();

        String description = created.text("description");
        assertThat(description).contains("屏幕", "<b>不亮</b>").doesNotContain("<script", "onclick", "javascript:");
        act(desk.agent, id, "comment", Map.of("comment", "<img src=x onerror=alert(3)>看 @李娜", "visibility", "public"));
        String history = desk.admin.get("/api/v1/tickets/" + id + "/events").body();
        assertThat(history).doesNotContain("onerror", "<script").contains("李娜");
        assertThat(desk.admin.get("/api/v1/tickets/" + id + "/progress").body()).contains("李娜");
    }

    @Test
    void chineseTextCustomFieldsAndStatusesAreSearchable() {
        TicketFixture desk = desk();
        long leak = desk.create(desk.admin, "空调漏水严重", Map.of("amount", 6000, "model", "KFR-35"))
                .id();
        desk.create(desk.admin, "冰箱不制冷", Map.of("amount", 300, "model", "BCD-215"));

        assertThat(ids(desk.admin.get("/api/v1/tickets?q=漏水"))).containsExactly(leak);
        assertThat(ids(desk.admin.get("/api/v1/tickets?q=空调%20漏水"))).containsExactly(leak);
        assertThat(ids(desk.admin.get("/api/v1/tickets?q=洗衣机"))).isEmpty();
        assertThat(ids(desk.admin.get("/api/v1/tickets?field.model=KFR-35"))).containsExactly(leak);
        assertThat(ids(desk.admin.get("/api/v1/tickets?field.amount.min=5000"))).containsExactly(leak);
        assertThat(desk.admin.get("/api/v1/tickets?status=open").at("/total").asInt())
                .isEqualTo(2);
        assertThat(desk.admin.get("/api/v1/tickets?status=closed").at("/total").asInt())
                .isZero();
        assertThat(desk.admin
                        .get("/api/v1/tickets?nodeId=handle&sort=number,asc")
                        .at("/items/0/number")
                        .asString())
                .endsWith("-0001");
        Api.Response bad = desk.admin.get("/api/v1/tickets?status=lost&queue=everything");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("\"status\"", "\"queue\"");
    }

    @Test
    void anOverlongSearchIsA400NamingQ() {
        TicketFixture desk = desk();
        Api.Response r = desk.admin.get("/api/v1/tickets?q=" + "漏水".repeat(60));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.at("/errors/0/field").asString()).isEqualTo("q");
    }

    @Test
    void ticketsOutsideTheCallersScopeAreInvisible() {
        TicketFixture desk = desk();
        long id = desk.create(desk.agent, "客服部的工单", Map.of("amount", 1)).id();

        // agent2 holds the candidate role but works in another department with a department-only scope:
        // the ticket is still in their queue (they may take it), and visible while it is.
        assertThat(desk.agent2.get("/api/v1/tickets/" + id).status()).isEqualTo(200);
        act(desk.agent, id, "accept", Map.of("expectedVersion", 0));
        assertThat(desk.agent2.get("/api/v1/tickets/" + id).status()).isEqualTo(404);
        assertThat(desk.agent2.get("/api/v1/tickets").at("/total").asInt()).isZero();
        assertThat(act(desk.agent2, id, "comment", Map.of("comment", "hi")).status())
                .isEqualTo(404);
        // The engineer (self scope) does not see it until it reaches them.
        assertThat(desk.engineer.get("/api/v1/tickets/" + id).status()).isEqualTo(404);
    }

    @Test
    void otherModulesReceiveTheTicketsEventsAfterCommit() {
        TicketFixture desk = desk();
        long id = desk.create(desk.admin, "事件", Map.of("amount", 1)).id();
        act(desk.agent, id, "accept", Map.of("expectedVersion", 0));

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> RECEIVED.stream()
                        .anyMatch(e ->
                                e.ticketId() == id && e instanceof TicketEvent.TicketAssigned a && a.userId() != null));
        List<TicketEvent> mine =
                RECEIVED.stream().filter(e -> e.ticketId() == id).toList();
        assertThat(mine).hasAtLeastOneElementOfType(TicketEvent.TicketCreated.class);
        assertThat(mine.stream()
                        .filter(e -> e instanceof TicketEvent.NodeEntered n
                                && n.nodeId().equals("handle")))
                .hasSize(1);
        assertThat(mine.stream()
                        .filter(e -> e instanceof TicketEvent.TicketAssigned a
                                && a.userId() != null
                                && a.userId() == desk.agentId))
                .hasSize(1);
    }

    @Test
    void badInputIsA400NamingEachField() {
        TicketFixture desk = desk();
        Map<String, Object> body = new HashMap<>();
        body.put("templateId", desk.templateId);
        body.put("title", " ");
        body.put("fields", Map.of("amount", "lots", "nope", 1));
        body.put("source", "fax");
        body.put("priority", "asap");
        Api.Response r = desk.admin.post("/api/v1/tickets", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"title\"", "\"source\"", "\"priority\"");

        body.put("title", "ok");
        body.put("source", "web");
        body.put("priority", "high");
        Api.Response fields = desk.admin.post("/api/v1/tickets", body);
        assertThat(fields.status()).isEqualTo(400);
        assertThat(fields.body()).contains("fields.amount", "fields.nope");
        assertThat(desk.admin.get("/api/v1/tickets").at("/total").asInt()).isZero();

        long id = desk.create(desk.admin, "ok", Map.of("amount", 1)).id();
        assertThat(act(desk.agent, id, "fly", Map.of()).status()).isEqualTo(400);
        assertThat(desk.admin.get("/api/v1/tickets/999999").status()).isEqualTo(404);
        assertThat(desk.admin
                        .post("/api/v1/tickets/" + id + "/actions/accept", "{\"expectedVersion\": \"x\"}")
                        .status())
                .isEqualTo(400);
    }

    private static List<Long> ids(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Long> ids = new java.util.ArrayList<>();
        r.json().path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }
}
