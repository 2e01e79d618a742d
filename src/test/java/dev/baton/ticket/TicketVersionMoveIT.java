package dev.baton.ticket;

import static dev.baton.ticket.TicketFixture.act;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketVersionMoveIT extends TicketTest {

    @Test
    void aRunningTicketFinishesItsNodeOnItsVersionAndLeavesItOntoTheNewOne() {
        TicketFixture desk = desk();
        long id = desk.create(desk.admin, "旧版本工单", Map.of("amount", 1)).id();
        assertThat(desk.admin.get("/api/v1/tickets/" + id).at("/flowVersion").asInt())
                .isEqualTo(1);

        // v2 inserts a quality check right after 受理.
        Map<String, Object> v2 = TicketFixture.definition();
        @SuppressWarnings("unchecked")
        Map<String, Object> handle = (Map<String, Object>) v2.get("next");
        Map<String, Object> check = new HashMap<>();
        check.put("id", "qa");
        check.put("type", "task");
        check.put("name", "质检");
        check.put("assignee", Map.of("strategy", "role", "roleCode", "supervisor"));
        check.put("next", handle.get("next"));
        handle.put("next", check);
        republish(desk, v2, Map.of(), 200);

        assertThat(desk.admin.get("/api/v1/tickets/" + id).at("/flowVersion").asInt())
                .isEqualTo(1);
        Api.Response left = act(desk.agent, id, "submit", Map.of("expectedVersion", 0, "fields", Map.of("note", "ok")));
        assertThat(left.status()).as(left.body()).isEqualTo(200);
        assertThat(left.at("/flowVersion").asInt()).isEqualTo(2);
        assertThat(left.at("/nodes/0/nodeId").asString()).isEqualTo("qa");
        assertThat(left.at("/nodes/0/handlers/0/roleCode").asString()).isEqualTo("supervisor");
    }

    @Test
    void publishingAwayTheNodeATicketWaitsAtNeedsAMapping() {
        TicketFixture desk = desk();
        long id = desk.create(desk.admin, "等待中的工单", Map.of("amount", 1)).id();
        String number = desk.admin.get("/api/v1/tickets/" + id).text("number");

        // v2 renames 受理 to a new node id: the waiting ticket has no place without a mapping.
        Map<String, Object> v2 = TicketFixture.definition();
        @SuppressWarnings("unchecked")
        Map<String, Object> handle = (Map<String, Object>) v2.get("next");
        handle.put("id", "intake");
        @SuppressWarnings("unchecked")
        Map<String, Object> check = (Map<String, Object>) handle.get("next");
        @SuppressWarnings("unchecked")
        Map<String, Object> approval = (Map<String, Object>)
                ((List<Map<String, Object>>) check.get("branches")).get(0).get("next");
        approval.put("onReject", Map.of("action", "return", "targetNodeId", "intake"));
        Api.Response refused = republish(desk, v2, Map.of(), 409);
        assertThat(refused.body()).contains(number, "handle");

        republish(desk, v2, Map.of("handle", "intake"), 200);
        Api.Response accepted = act(desk.agent, id, "accept", Map.of("expectedVersion", 0));
        assertThat(accepted.at("/flowVersion").asInt()).isEqualTo(1);
        Api.Response left = act(desk.agent, id, "submit", Map.of("expectedVersion", 1, "fields", Map.of("note", "ok")));
        assertThat(left.status()).as(left.body()).isEqualTo(200);
        assertThat(left.at("/flowVersion").asInt()).isEqualTo(2);
        assertThat(left.at("/nodes/0/nodeId").asString()).isEqualTo("visit");
        assertThat(desk.admin.get("/api/v1/tickets/" + id + "/events").body()).contains("\"flowVersion\":[1,2]");
    }

    private static Api.Response republish(
            TicketFixture desk, Map<String, Object> definition, Map<String, String> mapping, int status) {
        Api.Response flow = desk.admin.get("/api/v1/flows/" + desk.flowId);
        int version = flow.at("/version").asInt();
        Api.Response edited = desk.admin.put(
                "/api/v1/flows/" + desk.flowId, Map.of("name", "维修流程", "definition", definition, "version", version));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        Api.Response published = desk.admin.post(
                "/api/v1/flows/" + desk.flowId + "/publish", Map.of("version", version + 1, "mapping", mapping));
        assertThat(published.status()).as(published.body()).isEqualTo(status);
        return published;
    }
}
