package dev.baton.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import dev.baton.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The pool's timers on the business calendar: a ticket nobody grabs escalates to the supervisors once, and a grabbed
 * ticket nobody touches goes back to the pool. The clock is moved by hand and the scheduler asked to poll.
 */
class PoolTimersIT extends AssignmentTest {

    @Autowired
    Scheduler slaScheduler;

    @Test
    void aTicketNobodyGrabsEscalatesOnceToTheSupervisorsAtTheBusinessDeadline() {
        AssignmentDesk desk = desk();
        settings(desk, Map.of("escalateAfterMinutes", 30));
        Instant offered = this.clock.instant();
        long id = desk.create(desk.admin, Map.of()).id(); // no rules: the pool

        Instant due = deadline(desk, offered, "PT30M");
        await(() -> !timers("pool-escalate", id).isEmpty()); // the offer reaches the pool through the event relay
        assertThat(timers("pool-escalate", id)).containsExactly(due);

        moveTo(due);
        Api supervisor = desk.login.apply("super1");
        await(() -> unclaimed(supervisor, id).size() == 1);
        JsonNode told = unclaimed(supervisor, id).getFirst();
        assertThat(told.path("title").asString()).startsWith("工单池无人接单：GD");
        assertThat(told.path("body").asString()).contains("空调维修", "已超过 30 分钟（按工作时间计）");
        assertThat(timers("pool-escalate", id)).isEmpty();
        assertThat(unclaimed(desk.login.apply("agent1"), id))
                .as("agents are not told")
                .isEmpty();

        JsonNode item =
                supervisor.get("/api/v1/assignment/pool").json().path("items").get(0);
        assertThat(item.path("id").asLong()).isEqualTo(id);
        assertThat(item.path("escalatedAt").isNull()).isFalse();
        Api.Response audit =
                desk.login.apply("boss").get("/api/v1/audit-log?action=assignment.pool.escalated&entityId=" + id);
        assertThat(audit.json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void anOfferMadeBeforeEscalationWasSwitchedOffDoesNotEscalate() {
        AssignmentDesk desk = desk();
        settings(desk, Map.of("escalateAfterMinutes", 30));
        Instant offered = this.clock.instant();
        long id = desk.create(desk.admin, Map.of()).id();
        await(() -> !timers("pool-escalate", id).isEmpty());

        int version = desk.admin
                .get("/api/v1/assignment/pool/settings")
                .at("/version")
                .asInt();
        settings(desk, Map.of("version", version));
        moveTo(deadline(desk, offered, "PT30M"));
        await(() -> timers("pool-escalate", id).isEmpty()); // it fired, and did nothing

        assertThat(unclaimed(desk.login.apply("super1"), id)).isEmpty();
        Api.Response audit =
                desk.login.apply("boss").get("/api/v1/audit-log?action=assignment.pool.escalated&entityId=" + id);
        assertThat(audit.json().path("total").asInt()).isZero();
    }

    @Test
    void aGrabbedTicketLeftUntouchedReturnsToThePoolButOneActedOnStays() {
        AssignmentDesk desk = desk();
        settings(desk, Map.of("returnAfterMinutes", 45, "escalateAfterMinutes", 600));
        long untouched = desk.create(desk.admin, Map.of()).id();
        long worked = desk.create(desk.admin, Map.of()).id();
        await(() -> timers("pool-escalate", worked).size() == 1);
        Api agent = desk.login.apply("agent1");
        Instant grabbed = this.clock.instant();
        assertThat(grab(agent, untouched).status()).isEqualTo(200);
        Api.Response second = grab(agent, worked);
        assertThat(second.status()).isEqualTo(200);
        assertThat(timers("pool-escalate", untouched))
                .as("a grab ends the wait")
                .isEmpty();
        Api.Response commented =
                agent.post("/api/v1/tickets/" + worked + "/actions/comment", Map.of("comment", "已联系客户，明天上门"));
        assertThat(commented.status()).as(commented.body()).isEqualTo(200);

        Instant due = deadline(desk, grabbed, "PT45M");
        assertThat(timers("pool-return", untouched)).containsExactly(due);

        moveTo(due);
        Api supervisor = desk.login.apply("super1");
        await(() -> inPool(supervisor).contains(untouched));
        JsonNode back = supervisor.get("/api/v1/tickets/" + untouched).json();
        assertThat(back.path("status").asString()).isEqualTo("open");
        assertThat(back.path("nodes")
                        .get(0)
                        .path("handlers")
                        .get(0)
                        .path("userId")
                        .isNull())
                .isTrue();
        assertThat(inPool(supervisor)).doesNotContain(worked);
        JsonNode kept = supervisor.get("/api/v1/tickets/" + worked).json();
        assertThat(kept.path("nodes")
                        .get(0)
                        .path("handlers")
                        .get(0)
                        .path("userId")
                        .asLong())
                .isEqualTo(desk.agents.getFirst());
        Api boss = desk.login.apply("boss");
        assertThat(boss.get("/api/v1/audit-log?action=assignment.pool.returned&entityId=" + untouched)
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(boss.get("/api/v1/audit-log?action=assignment.pool.returned&entityId=" + worked)
                        .json()
                        .path("total")
                        .asInt())
                .isZero();
        // back in the pool, the ticket waits for a grab again, and escalates if nobody takes it
        await(() -> timers("pool-escalate", untouched).size() == 1);
    }

    private void settings(AssignmentDesk desk, Map<String, Object> body) {
        Api.Response saved = desk.admin.put("/api/v1/assignment/pool/settings", body);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private static Api.Response grab(Api as, long ticketId) {
        return as.post("/api/v1/assignment/pool/" + ticketId + "/grab", null);
    }

    private static List<Long> inPool(Api as) {
        return as.get("/api/v1/assignment/pool?size=100")
                .json()
                .path("items")
                .valueStream()
                .map(i -> i.path("id").asLong())
                .toList();
    }

    /** The standard calendar's deadline, as its own API answers it. */
    private static Instant deadline(AssignmentDesk desk, Instant from, String duration) {
        JsonNode calendars = desk.admin.get("/api/v1/calendars").json().path("items");
        long standard = calendars
                .valueStream()
                .filter(c -> c.path("default").asBoolean())
                .findFirst()
                .orElseThrow()
                .path("id")
                .asLong();
        Api.Response due = desk.admin.get(
                "/api/v1/calendars/" + standard + "/deadline?from=" + from.toString() + "&duration=" + duration);
        assertThat(due.status()).as(due.body()).isEqualTo(200);
        return OffsetDateTime.parse(due.text("deadline")).toInstant();
    }

    /** When the waiting timers of one kind for the ticket are due. */
    private List<Instant> timers(String kind, long ticketId) {
        return this.slaScheduler.getScheduledExecutionsForTask("timer").stream()
                .filter(e -> e.getTaskInstance().getId().startsWith(kind + "|"))
                .filter(e -> e.getTaskInstance().getId().split("\\|")[2].equals(String.valueOf(ticketId)))
                .map(ScheduledExecution::getExecutionTime)
                .toList();
    }

    private void moveTo(Instant at) {
        Duration ahead = Duration.between(this.clock.instant(), at);
        if (!ahead.isNegative()) {
            this.clock.advance(ahead);
        }
    }

    private void await(BooleanSupplier done) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    this.slaScheduler.triggerCheckForDueExecutions();
                    return done.getAsBoolean();
                });
    }

    /** The user's in-app notifications that the ticket waited in the pool too long. */
    private static List<JsonNode> unclaimed(Api as, long ticketId) {
        return as.get("/api/v1/notifications/inbox?size=100")
                .json()
                .path("items")
                .valueStream()
                .filter(n -> n.path("event").asString().equals("pool_unclaimed"))
                .filter(n -> n.path("ticketId").asLong() == ticketId)
                .toList();
    }
}
