package dev.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Automation nodes that reach outside the ticket: a notification, a webhook and a child ticket. */
class AutomationIT extends IntegrationTest {

    @Autowired
    Scheduler slaScheduler;

    @Test
    void anAutomatedFlowTellsTheHandlerPostsItsWebhookAndOpensALinkedChildTicket() {
        Api admin = newTenant();
        long visitTemplate = template(admin, "上门子工单", "visit");
        TicketFixture.publish(admin, visitTemplate, start(task("dispatch", "派工", null)));
        long repair = template(admin, "维修工单", "repair");
        Map<String, Object> handle = task("handle", "受理", null);
        Map<String, Object> spawn =
                automation("spawn", "生成上门单", Map.of("action", "create_child", "templateCode", "visit"), handle);
        Map<String, Object> hook = automation(
                "hook", "通知外部系统", Map.of("action", "webhook", "url", "https://hooks.example.test/baton"), spawn);
        Map<String, Object> tell = automation(
                "tell", "告知处理人", Map.of("action", "notify", "channel", "inapp", "message", "已为您安排上门服务"), hook);
        TicketFixture.publish(admin, repair, start(tell));

        Api.Response created =
                admin.post("/api/v1/tickets", Map.of("templateId", repair, "title", "空调漏水", "source", "wecom_sidebar"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.id();

        JsonNode child = await(() -> {
            JsonNode items = admin.get("/api/v1/tickets?templateId=" + visitTemplate)
                    .json()
                    .path("items");
            return items.isEmpty() ? null : items.get(0);
        });
        JsonNode read =
                admin.get("/api/v1/tickets/" + child.path("id").asLong()).json();
        assertThat(read.path("parentId").asLong()).isEqualTo(id);
        assertThat(read.path("title").asString()).isEqualTo("空调漏水");
        assertThat(read.path("source").asString()).isEqualTo("wecom_sidebar");
        assertThat(read.path("nodes").get(0).path("nodeId").asString()).isEqualTo("dispatch");
        assertThat(admin.get("/api/v1/audit-log?action=ticket.child.created&entityId=" + id)
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(1);

        // the creator holds 受理 (strategy creator), so the notify action tells them, in the app only
        JsonNode told = await(() -> {
            for (JsonNode n : admin.get("/api/v1/notifications/inbox").json().path("items")) {
                if (n.path("event").asString().equals("automation")) {
                    return n;
                }
            }
            return null;
        });
        assertThat(told.path("body").asString()).isEqualTo("已为您安排上门服务");
        List<JsonNode> log = admin.get("/api/v1/tickets/" + id + "/notifications")
                .json()
                .valueStream()
                .toList();
        assertThat(log)
                .filteredOn(d -> d.path("event").asString().equals("automation"))
                .extracting(d -> d.path("channel").asString())
                .containsExactlyInAnyOrder("inapp", "webhook");
        assertThat(log)
                .filteredOn(d -> d.path("channel").asString().equals("webhook"))
                .extracting(d -> d.path("address").asString())
                .containsExactly("https://hooks.example.test/baton");
    }

    @Test
    void aChildThatCannotBeCreatedIsInTheAuditLogAndTheParentCarriesOn() {
        Api admin = newTenant();
        template(admin, "无流程模板", "noflow"); // no published flow: tickets cannot be created from it
        long repair = template(admin, "维修工单", "repair");
        Map<String, Object> spawn = automation(
                "spawn",
                "生成子单",
                Map.of("action", "create_child", "templateCode", "noflow"),
                task("handle", "受理", null));
        TicketFixture.publish(admin, repair, start(spawn));

        Api.Response created = admin.post("/api/v1/tickets", Map.of("templateId", repair, "title", "无法生成子单"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.id();

        JsonNode failed = await(() -> {
            JsonNode items = admin.get("/api/v1/audit-log?action=ticket.child.failed&entityId=" + id)
                    .json()
                    .path("items");
            return items.isEmpty() ? null : items.get(0);
        });
        assertThat(failed.path("detail").asString())
                .startsWith("spawn: templateId ")
                .doesNotContain("{");
        JsonNode parent = admin.get("/api/v1/tickets/" + id).json();
        assertThat(parent.path("nodes").get(0).path("nodeId").asString()).isEqualTo("handle");
        assertThat(admin.get("/api/v1/tickets").json().path("total").asInt()).isEqualTo(1);
    }

    /** Polls (asking the timer scheduler to look too) until {@code found} answers something. */
    private <T> T await(Supplier<T> found) {
        Object[] result = {null};
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    this.slaScheduler.triggerCheckForDueExecutions();
                    result[0] = found.get();
                    return result[0] != null;
                });
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    private static long template(Api admin, String name, String code) {
        Api.Response r = admin.post("/api/v1/templates", Map.of("name", name, "code", code, "fields", List.of()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.id();
    }

    private static Map<String, Object> start(Map<String, Object> next) {
        return Map.of("id", "start", "type", "start", "name", "提交", "next", next);
    }

    private static Map<String, Object> task(String id, String name, Map<String, Object> next) {
        Map<String, Object> n = new HashMap<>();
        n.put("id", id);
        n.put("type", "task");
        n.put("name", name);
        n.put("assignee", Map.of("strategy", "creator"));
        n.put("next", next);
        return n;
    }

    private static Map<String, Object> automation(
            String id, String name, Map<String, Object> action, Map<String, Object> next) {
        Map<String, Object> n = new HashMap<>(action);
        n.put("id", id);
        n.put("type", "automation");
        n.put("name", name);
        n.put("next", next);
        return n;
    }
}
