package dev.baton.sla.internal;

import static dev.baton.platform.db.Tables.SLA_TICKETS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** SLA moments across nodes on one database: two nodes polling at once, and a node that was down. */
class SlaTimerClusterIT extends SlaTest {

    @Autowired
    SlaStore store;

    @Autowired
    SlaFiring firing;

    @Autowired
    Clock appClock;

    @Autowired
    com.github.kagkarlsson.scheduler.task.helper.OneTimeTask<Void> slaTimerTask;

    @Test
    void twoNodesPollingTheSameDueTicketsAtOnceNotifyEachOnce() {
        SlaDesk desk = desk();
        desk.create(breachOnly(desk));
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tickets.add(desk.ticket("并发" + i, "normal"));
        }
        for (long t : tickets) {
            awaitDue(t);
        }
        this.slaDue.pause();
        SlaDue a = node();
        SlaDue b = node();
        try {
            this.clock.advance(Duration.ofMinutes(11));
            // both nodes find the same twelve tickets due and look at them at the same time
            CompletableFuture.allOf(CompletableFuture.runAsync(a::run), CompletableFuture.runAsync(b::run))
                    .join();
            for (long t : tickets) {
                awaitNotified(t, "first_response", "breached", 1, a, b);
            }
            a.run();
            b.run();
            for (long t : tickets) {
                assertThat(notified(t, "first_response", "breached")).hasSize(1);
                assertThat(dueAt(t))
                        .as("the next moment is the node's own deadline, two hours in")
                        .isAfter(this.clock.instant());
            }
        } finally {
            this.slaDue.resume();
        }
    }

    @Test
    void aNodeStoppedAndStartedAgainStillLooksAtWhatIsDue() {
        SlaDesk desk = desk();
        desk.create(breachOnly(desk));
        this.slaDue.pause();
        SlaDue node = node();
        try {
            for (int round = 0; round < 2; round++) {
                List<Long> tickets = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    tickets.add(desk.ticket("重启" + round + "-" + i, "normal"));
                }
                for (long t : tickets) {
                    awaitDue(t);
                }
                this.clock.advance(Duration.ofMinutes(11));
                // several due at once: the node's looking threads take them (made anew after the restart)
                assertThat(node.run()).isGreaterThanOrEqualTo(3);
                for (long t : tickets) {
                    awaitNotified(t, "first_response", "breached", 1, node);
                    assertThat(notified(t, "first_response", "breached")).hasSize(1);
                }
                node.stop();
                node.start();
            }
        } finally {
            node.stop();
            this.slaDue.resume();
        }
    }

    @Test
    void aMomentThatCameWhileNoNodeRanIsLookedAtOnceByTheFirstNodeToPoll() {
        SlaDesk desk = desk();
        desk.create(breachOnly(desk));
        Instant created = this.clock.instant();
        long id = desk.ticket("停机期间到期", "normal");
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> created.plus(Duration.ofMinutes(10)).equals(dueAt(id)));

        this.slaDue.pause();
        try {
            this.clock.advance(Duration.ofMinutes(11));
            assertThat(notified(id, "first_response", "breached")).isEmpty();
            SlaDue restarted = node();
            awaitNotified(id, "first_response", "breached", 1, restarted);
        } finally {
            this.slaDue.resume();
        }
        this.slaDue.run();
        assertThat(notified(id, "first_response", "breached")).hasSize(1);
        // the computed breach and the one firing (with its recipients)
        var history =
                awaitMetric(desk.admin, id, "first_response", state("breached")).path("history");
        List<String> fired = new ArrayList<>();
        history.forEach(e -> {
            if (e.path("recipients").isArray()) {
                fired.add(e.path("event").asString());
            }
        });
        assertThat(fired).containsExactly("breached");
    }

    @Test
    void aTimerExecutionScheduledBeforeV29LooksAtItsTicket() {
        SlaDesk desk = desk();
        desk.create(breachOnly(desk));
        Instant created = this.clock.instant();
        long id = desk.ticket("升级前的定时器", "normal");
        awaitDue(id);
        Instant due = created.plus(Duration.ofMinutes(10));
        this.slaDue.pause(); // only the old execution may look at the ticket
        try {
            this.slaScheduler.schedule(
                    this.slaTimerTask.instance(
                            "t" + desk.tenantId + "|" + id + "|first_response|breached|" + due.getEpochSecond()),
                    due);
            this.clock.advance(Duration.ofMinutes(11));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        this.slaScheduler.triggerCheckForDueExecutions();
                        return notified(id, "first_response", "breached").size() == 1;
                    });
        } finally {
            this.slaDue.resume();
        }
        assertThat(dueAt(id)).as("moved on to the node's deadline").isAfter(this.clock.instant());
    }

    /** First response within 10 minutes, no reminder, no escalation: one moment per ticket. */
    private static Map<String, Object> breachOnly(SlaDesk desk) {
        Map<String, Object> p = desk.policy("十分钟", "PT10M", "PT8H");
        p.put("resolution", null);
        p.put("reminderBefore", "PT0M");
        p.put("escalations", List.of());
        return p;
    }

    /** Another node's poll on the same database (not started: the test runs it). */
    private SlaDue node() {
        return new SlaDue(this.store, this.firing, this.appClock, Duration.ofHours(1), 2);
    }

    private void awaitDue(long ticketId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dueAt(ticketId) != null);
    }

    /** The ticket's next SLA moment as stored. */
    private @Nullable Instant dueAt(long ticketId) {
        return this.db
                .select(SLA_TICKETS.DUE_AT)
                .from(SLA_TICKETS)
                .where(SLA_TICKETS.TICKET_ID.eq(ticketId))
                .fetchOne(SLA_TICKETS.DUE_AT);
    }
}
