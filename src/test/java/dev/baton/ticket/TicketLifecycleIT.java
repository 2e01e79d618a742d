package dev.baton.ticket;

import static dev.baton.ticket.TicketFixture.act;
import static dev.baton.ticket.TicketFixture.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketLifecycleIT extends TicketTest {

    @Test
    void aBigRepairGoesThroughAcceptSubmitApprovalVisitAndClose() {
        TicketFixture desk = desk();
        Api.Response created = desk.create(desk.admin, "空调漏水", Map.of("amount", 8000, "model", "KFR-35"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.id();
        assertThat(created.text("number")).matches("GD\\d{8}-0001");
        assertThat(created.text("status")).isEqualTo("open");
        assertThat(created.text("customerStatus")).isEqualTo("submitted");
        assertThat(created.at("/nodes/0/nodeId").asString()).isEqualTo("handle");
        assertThat(created.at("/nodes/0/handlers/0/roleCode").asString()).isEqualTo("agent");

        // The agent finds it in their queue and accepts it.
        assertThat(desk.agent.get("/api/v1/tickets?queue=mine").at("/total").asInt())
                .isEqualTo(1);
        // counted another way when the queue has a filter beside it
        assertThat(desk.agent
                        .get("/api/v1/tickets?queue=mine&priority=low")
                        .at("/total")
                        .asInt())
                .isEqualTo(0);
        assertThat(desk.engineer.get("/api/v1/tickets?queue=mine").at("/total").asInt())
                .isEqualTo(0);
        Api.Response accepted = act(desk.agent, id, "accept", Map.of("expectedVersion", 0));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("in_progress");
        assertThat(accepted.text("customerStatus")).isEqualTo("accepted");
        assertThat(accepted.at("/nodes/0/handlers/0/userId").asLong()).isEqualTo(desk.agentId);
        assertThat(accepted.at("/version").asInt()).isEqualTo(1);

        // The node requires a note: submitting without one names the field.
        Api.Response missing = act(desk.agent, id, "submit", Map.of("expectedVersion", 1));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.at("/errors/0/field").asString()).isEqualTo("fields.note");

        Api.Response submitted =
                act(desk.agent, id, "submit", Map.of("expectedVersion", 1, "fields", Map.of("note", "需更换压缩机")));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.at("/nodes/0/nodeId").asString()).isEqualTo("approve");
        assertThat(submitted.text("customerStatus")).isEqualTo("in_progress");
        assertThat(submitted.at("/fields/note").asString()).isEqualTo("需更换压缩机");

        // Only the supervisor may approve; the agent is refused with 403.
        assertThat(act(desk.agent, id, "approve", Map.of("expectedVersion", 2)).status())
                .isEqualTo(403);
        assertThat(desk.supervisor
                        .get("/api/v1/tickets?queue=approvals")
                        .at("/total")
                        .asInt())
                .isEqualTo(1);
        Api.Response approved = act(desk.supervisor, id, "approve", Map.of("expectedVersion", 2, "comment", "同意"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.at("/nodes/0/nodeId").asString()).isEqualTo("visit");

        act(desk.engineer, id, "accept", Map.of("expectedVersion", 3));
        Api.Response done = act(desk.engineer, id, "submit", Map.of("expectedVersion", 4));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.text("status")).isEqualTo("resolved");
        assertThat(done.text("customerStatus")).isEqualTo("awaiting_confirmation");
        assertThat(done.at("/nodes").size()).isZero();

        // A resolved ticket cannot be approved again: 409 naming the state.
        Api.Response late = act(desk.supervisor, id, "approve", Map.of("expectedVersion", 5));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("detail")).contains("resolved");

        Api.Response closed = act(desk.admin, id, "close", Map.of("expectedVersion", 5));
        assertThat(closed.text("status")).isEqualTo("closed");
        assertThat(closed.text("customerStatus")).isEqualTo("done");

        Api.Response events = desk.admin.get("/api/v1/tickets/" + id + "/events");
        List<String> actions = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        events.json().forEach(e -> {
            actions.add(e.path("action").asString());
            versions.add(e.path("ticketVersion").asInt());
        });
        assertThat(actions).containsExactly("submit", "accept", "submit", "approve", "accept", "submit", "close");
        assertThat(versions).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(events.json()
                        .get(2)
                        .path("changes")
                        .path("fields")
                        .path("note")
                        .get(1)
                        .asString())
                .isEqualTo("需更换压缩机");

        Api.Response progress = desk.admin.get("/api/v1/tickets/" + id + "/progress");
        assertThat(progress.text("customerStatus")).isEqualTo("done");
        assertThat(progress.at("/steps/4/current").asBoolean()).isTrue();
    }

    @Test
    void aSmallRepairSkipsTheApprovalAndARejectionReturnsToTheAgent() {
        TicketFixture desk = desk();
        long small = desk.create(desk.admin, "遥控器失灵", Map.of("amount", 100)).id();
        act(desk.agent, small, "submit", Map.of("expectedVersion", 0, "fields", Map.of("note", "ok")));
        assertThat(desk.admin
                        .get("/api/v1/tickets/" + small)
                        .at("/nodes/0/nodeId")
                        .asString())
                .isEqualTo("visit");

        long big = desk.create(desk.admin, "压缩机坏了", Map.of("amount", 9000)).id();
        act(desk.agent, big, "submit", Map.of("expectedVersion", 0, "fields", Map.of("note", "换压缩机")));
        Api.Response noReason = act(desk.supervisor, big, "reject", Map.of("expectedVersion", 1));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.at("/errors/0/field").asString()).isEqualTo("comment");
        Api.Response rejected = act(desk.supervisor, big, "reject", Map.of("expectedVersion", 1, "comment", "报价太高"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.at("/nodes/0/nodeId").asString()).isEqualTo("handle");
        assertThat(rejected.text("status")).isEqualTo("in_progress");
    }

    @Test
    void aTicketCreatedRightAfterATemplateEditUsesTheNewFields() {
        TicketFixture desk = desk();
        List<Map<String, Object>> changed = new ArrayList<>(TicketFixture.FIELDS);
        changed.add(Map.of("key", "serial_no", "label", "序列号", "type", "text", "required", true));
        Api.Response edited = desk.admin.put(
                "/api/v1/templates/" + desk.templateId, Map.of("name", "维修工单", "fields", changed, "version", 0));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);

        // the new required field applies at once: the version is read on every creation, its fields cached
        Api.Response missing = desk.admin.post(
                "/api/v1/tickets",
                Map.of("templateId", desk.templateId, "title", "改版后", "fields", Map.of("amount", 1)));
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("fields.serial_no");
        Api.Response created = desk.create(desk.admin, "改版后", Map.of("amount", 1, "serial_no", "SN-0001"));
        assertThat(created.at("/templateVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aStaleVersionIsA409WithTheCurrentVersionAndChangesNothing() {
        TicketFixture desk = desk();
        long id = desk.create(desk.admin, "空调异响", Map.of("amount", 10)).id();
        act(desk.agent, id, "save", Map.of("expectedVersion", 0, "fields", Map.of("note", "first")));

        Api.Response stale =
                act(desk.agent, id, "save", Map.of("expectedVersion", 0, "fields", Map.of("note", "second")));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.at("/currentVersion").asInt()).isEqualTo(1);
        assertThat(desk.admin.get("/api/v1/tickets/" + id).at("/fields/note").asString())
                .isEqualTo("first");
        Api.Response noVersion = act(desk.agent, id, "save", Map.of("fields", Map.of("note", "x")));
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.at("/errors/0/field").asString()).isEqualTo("expectedVersion");
        assertThat(version(desk.admin, id)).isEqualTo(1);
    }
}
