package dev.baton.ticket;

import static dev.baton.ticket.TicketFixture.act;
import static dev.baton.ticket.TicketFixture.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The actions besides the happy path: hand-overs, returns, pauses, withdrawals, reopening, urging. */
class TicketActionsIT extends TicketTest {

    @Test
    void aHandlerTransfersAddsACoHandlerAndReturnsToTheStart() {
        TicketFixture desk = desk();
        long id = desk.create(desk.agent, "转派测试", Map.of("amount", 1)).id();
        act(desk.agent, id, "accept", Map.of("expectedVersion", 0));

        Api.Response noTarget = act(desk.agent, id, "transfer", Map.of("expectedVersion", 1));
        assertThat(noTarget.status()).isEqualTo(400);
        assertThat(noTarget.at("/errors/0/field").asString()).isEqualTo("targetUserId");
        Api.Response unknown = act(desk.agent, id, "transfer", Map.of("expectedVersion", 1, "targetUserId", 999999));
        assertThat(unknown.status()).isEqualTo(400);

        Api.Response co =
                act(desk.agent, id, "add_handler", Map.of("expectedVersion", 1, "targetUserId", desk.agent2Id));
        assertThat(co.status()).as(co.body()).isEqualTo(200);
        assertThat(co.at("/nodes/0/handlers/1/kind").asString()).isEqualTo("co");
        assertThat(act(desk.agent, id, "add_handler", Map.of("expectedVersion", 2, "targetUserId", desk.agent2Id))
                        .status())
                .isEqualTo(400);

        Api.Response moved =
                act(desk.agent, id, "transfer", Map.of("expectedVersion", 2, "targetUserId", desk.engineerId));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.at("/nodes/0/handlers/0/userId").asLong()).isEqualTo(desk.engineerId);
        // The agent no longer holds the task, so they may not submit it.
        assertThat(act(desk.agent, id, "submit", Map.of("expectedVersion", 3, "fields", Map.of("note", "x")))
                        .status())
                .isEqualTo(403);

        Api.Response returned = act(
                desk.engineer, id, "return", Map.of("expectedVersion", 3, "targetNodeId", "start", "comment", "信息不全"));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.at("/nodes/0/nodeId").asString()).isEqualTo("start");
        assertThat(returned.at("/nodes/0/handlers/0/userId").asLong()).isEqualTo(desk.agentId);
        Api.Response badTarget = act(desk.agent, id, "return", Map.of("expectedVersion", 4, "targetNodeId", "visit"));
        assertThat(badTarget.status()).isIn(403, 409);
    }

    @Test
    void suspendedTicketsRefuseWorkUntilResumed() {
        TicketFixture desk = desk();
        long id = desk.create(desk.agent, "暂停测试", Map.of("amount", 1)).id();
        act(desk.agent, id, "accept", Map.of("expectedVersion", 0));

        assertThat(act(desk.agent, id, "suspend", Map.of("expectedVersion", 1)).status())
                .isEqualTo(400);
        Api.Response suspended = act(desk.agent, id, "suspend", Map.of("expectedVersion", 1, "comment", "等客户确认时间"));
        assertThat(suspended.text("status")).isEqualTo("suspended");
        Api.Response refused =
                act(desk.agent, id, "submit", Map.of("expectedVersion", 2, "fields", Map.of("note", "x")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("suspended");
        assertThat(act(desk.agent2, id, "resume", Map.of("expectedVersion", 2)).status())
                .isEqualTo(404);

        Api.Response resumed = act(desk.agent, id, "resume", Map.of("expectedVersion", 2));
        assertThat(resumed.text("status")).isEqualTo("in_progress");
        assertThat(act(desk.agent, id, "submit", Map.of("expectedVersion", 3, "fields", Map.of("note", "x")))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theCreatorWithdrawsAnUntouchedTicketAndASupervisorReopensAndUrges() {
        TicketFixture desk = desk();
        long untouched = desk.create(desk.agent, "撤回", Map.of("amount", 1)).id();
        Api.Response cancelled = act(desk.agent, untouched, "cancel", Map.of("expectedVersion", 0, "comment", "重复提交"));
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        assertThat(cancelled.at("/nodes").size()).isZero();
        assertThat(act(desk.agent, untouched, "urge", Map.of()).status()).isEqualTo(409);

        long taken = desk.create(desk.agent, "已受理", Map.of("amount", 1)).id();
        act(desk.agent2, taken, "accept", Map.of("expectedVersion", 0));
        // Once someone has taken it, the creator alone may no longer withdraw it.
        assertThat(act(desk.agent, taken, "cancel", Map.of("expectedVersion", 1, "comment", "算了"))
                        .status())
                .isEqualTo(403);
        Api.Response urged = act(desk.agent, taken, "urge", Map.of("comment", "请尽快"));
        assertThat(urged.status()).as(urged.body()).isEqualTo(200);

        Api.Response closed = act(desk.supervisor, taken, "close", Map.of("expectedVersion", 2, "comment", "客户已自行解决"));
        assertThat(closed.text("status")).isEqualTo("closed");
        Api.Response reopened = act(desk.agent, taken, "reopen", Map.of("expectedVersion", 3, "comment", "又坏了"));
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(reopened.text("status")).isEqualTo("open");
        assertThat(reopened.at("/nodes/0/nodeId").asString()).isEqualTo("handle");
        assertThat(reopened.at("/closedAt").isNull()).isTrue();

        List<String> actions = new ArrayList<>();
        desk.admin
                .get("/api/v1/tickets/" + taken + "/events")
                .json()
                .forEach(e -> actions.add(e.path("action").asString()));
        assertThat(actions).containsExactly("submit", "accept", "urge", "close", "reopen");
        assertThat(version(desk.admin, taken)).isEqualTo(4);
    }

    @Test
    void theOfferedActionsFollowTheCallersRole() {
        TicketFixture desk = desk();
        long id = desk.create(desk.agent, "按钮", Map.of("amount", 1)).id();

        assertThat(strings(desk.agent.get("/api/v1/tickets/" + id).json().path("actions")))
                .contains("accept", "submit", "comment", "cancel")
                .doesNotContain("approve", "resume", "reopen");
        assertThat(strings(desk.supervisor.get("/api/v1/tickets/" + id).json().path("actions")))
                .contains("close", "transfer", "comment")
                .doesNotContain("accept", "approve");
    }

    private static List<String> strings(tools.jackson.databind.JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
