package dev.baton.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The pool (工单池): atomic grabs, limits, and supervisors' dispatch with a reason. */
class PoolIT extends AssignmentTest {

    @Test
    void fiftyConcurrentGrabsOfOnePoolTicketHaveExactlyOneWinnerAnd49ClearConflicts() throws Exception {
        AssignmentDesk desk = desk();
        long id = desk.create(desk.admin, Map.of()).id(); // no rules: the pool
        List<Api> grabbers = new ArrayList<>();
        for (String user : List.of("agent1", "agent2", "agent3", "vip1", "vip2")) {
            grabbers.add(desk.login.apply(user));
        }
        ExecutorService threads = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> grabs = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Api as = grabbers.get(i % grabbers.size());
                grabs.add(threads.submit(() -> {
                    go.await();
                    return as.post("/api/v1/assignment/pool/" + id + "/grab", null);
                }));
            }
            go.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> f : grabs) {
                answers.add(f.get());
            }
            assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
            assertThat(answers).filteredOn(r -> r.status() != 200).hasSize(49).allSatisfy(r -> {
                assertThat(r.status()).as(r.body()).isEqualTo(409);
                assertThat(r.text("type")).endsWith("/pool-ticket-taken");
                assertThat(r.headers().get("content-type").getFirst()).startsWith("application/problem+json");
            });
        } finally {
            threads.shutdown();
        }
        Api.Response ticket = desk.admin.get("/api/v1/tickets/" + id);
        assertThat(ticket.text("status")).isEqualTo("in_progress");
        assertThat(AssignmentDesk.handler(ticket).path("userId").isNull()).isFalse();
        assertThat(desk.admin
                        .get("/api/v1/assignment/pool")
                        .json()
                        .path("total")
                        .asInt())
                .isZero();
    }

    @Test
    void aDailyGrabLimitStopsTheNextGrab() {
        AssignmentDesk desk = desk();
        Api.Response saved = desk.admin.put(
                "/api/v1/assignment/pool/settings", Map.of("dailyGrabLimit", 1, "returnAfterMinutes", 30));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        long first = desk.create(desk.admin, Map.of()).id();
        long second = desk.create(desk.admin, Map.of()).id();
        Api agent = desk.login.apply("agent1");
        assertThat(agent.post("/api/v1/assignment/pool/" + first + "/grab", null)
                        .status())
                .isEqualTo(200);

        Api.Response limited = agent.english().post("/api/v1/assignment/pool/" + second + "/grab", null);
        assertThat(limited.status()).isEqualTo(409);
        assertThat(limited.text("type")).endsWith("/pool-daily-limit");
        assertThat(limited.text("detail")).contains("1 tickets today");

        // the next day (Asia/Shanghai) the limit starts again
        this.clock.advance(java.time.Duration.ofDays(1));
        agent = desk.login.apply("agent1"); // yesterday's token has expired
        assertThat(agent.post("/api/v1/assignment/pool/" + second + "/grab", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aSupervisorDispatchesWithAReasonThatTheAuditLogKeeps() {
        AssignmentDesk desk = desk();
        long id = desk.create(desk.admin, Map.of()).id();
        long a2 = desk.agents.get(1);

        Api.Response noReason =
                desk.supervisor.post("/api/v1/assignment/tickets/" + id + "/dispatch", Map.of("userId", a2));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.at("/errors/0/field").asString()).isEqualTo("reason");

        Api.Response dispatched = desk.supervisor.post(
                "/api/v1/assignment/tickets/" + id + "/dispatch", Map.of("userId", a2, "reason", "熟悉该客户"));
        assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
        assertThat(AssignmentDesk.handler(dispatched).path("userId").asLong()).isEqualTo(a2);

        Api.Response audit = desk.admin.get("/api/v1/audit-log?action=assignment.dispatch&entityId=" + id);
        assertThat(audit.json().path("items").get(0).path("detail").asString()).contains("熟悉该客户");

        // an agent may not dispatch
        Api.Response agent = desk.login
                .apply("agent1")
                .post("/api/v1/assignment/tickets/" + id + "/dispatch", Map.of("userId", a2, "reason", "x"));
        assertThat(agent.status()).isEqualTo(403);
    }

    @Test
    void batchAssignReportsEachTicketAndOneFailureDoesNotUndoTheOthers() {
        AssignmentDesk desk = desk();
        long one = desk.create(desk.admin, Map.of()).id();
        long two = desk.create(desk.admin, Map.of()).id();
        long a3 = desk.agents.get(2);
        Map<String, Object> body = new HashMap<>();
        body.put("ticketIds", List.of(one, 999_999_999L, two));
        body.put("userId", a3);
        body.put("reason", "平衡工作量");
        Api.Response batch = desk.supervisor.post("/api/v1/assignment/batch-assign", body);
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(batch.json().findValues("status").stream()
                        .map(n -> n.asInt())
                        .toList())
                .containsExactly(200, 404, 200);
        assertThat(AssignmentDesk.handler(desk.admin.get("/api/v1/tickets/" + two))
                        .path("userId")
                        .asLong())
                .isEqualTo(a3);
        assertThat(desk.admin
                        .get("/api/v1/audit-log?action=assignment.batch")
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void aUserHoldsNoMoreGrabbedTicketsThanTheLimitUntilTheyGiveOneBack() {
        AssignmentDesk desk = desk();
        Api.Response saved = desk.admin.put("/api/v1/assignment/pool/settings", Map.of("maxHeld", 1));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        long first = desk.create(desk.admin, Map.of()).id();
        long second = desk.create(desk.admin, Map.of()).id();
        Api agent = desk.login.apply("agent1").english();
        assertThat(agent.post("/api/v1/assignment/pool/" + first + "/grab", null)
                        .status())
                .isEqualTo(200);

        Api.Response held = agent.post("/api/v1/assignment/pool/" + second + "/grab", null);
        assertThat(held.status()).as(held.body()).isEqualTo(409);
        assertThat(held.text("type")).endsWith("/pool-held-limit");

        // someone else may not give the ticket back for them
        int version = desk.admin
                .get("/api/v1/tickets/" + first)
                .json()
                .path("version")
                .asInt();
        Api.Response notTheirs = desk.login
                .apply("agent2")
                .post("/api/v1/tickets/" + first + "/actions/release", Map.of("expectedVersion", version));
        assertThat(notTheirs.status()).as(notTheirs.body()).isIn(403, 404);

        Api.Response released =
                agent.post("/api/v1/tickets/" + first + "/actions/release", Map.of("expectedVersion", version));
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.text("status")).isEqualTo("open");
        assertThat(AssignmentDesk.handler(released).path("userId").isNull()).isTrue();
        assertThat(agent.post("/api/v1/assignment/pool/" + second + "/grab", null)
                        .status())
                .isEqualTo(200);
        assertThat(desk.admin
                        .get("/api/v1/assignment/pool")
                        .json()
                        .path("items")
                        .get(0)
                        .path("id")
                        .asLong())
                .isEqualTo(first);
    }
}
