package dev.baton.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Durable timers across scheduler instances on one database: two nodes, and a node that was down. */
class SlaTimerClusterIT extends SlaTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    OneTimeTask<Void> slaTimerTask;

    @Autowired
    Clock appClock;

    @Autowired
    com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void> slaDueTask;

    @Test
    void twoSchedulersOnOneDatabaseFireEachTimerExactlyOnce() {
        SlaDesk desk = desk();
        desk.create(breachOnly(desk));
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tickets.add(desk.ticket("并发" + i, "normal"));
        }
        for (long t : tickets) {
            awaitMetric(desk.admin, t, "first_response", state("running"));
        }
        Scheduler other = node("node-b");
        other.start();
        try {
            this.clock.advance(Duration.ofMinutes(11));
            for (long t : tickets) {
                awaitNotified(t, "first_response", "breached", 1, this.slaScheduler, other);
            }
            this.slaScheduler.triggerCheckForDueExecutions();
            other.triggerCheckForDueExecutions();
            for (long t : tickets) {
                assertThat(notified(t, "first_response", "breached")).hasSize(1);
                assertThat(dueAt(t))
                        .as("the next moment is the node's deadline, two hours in")
                        .isAfter(this.clock.instant());
            }
        } finally {
            other.stop();
        }
    }

    @Test
    void aTimerThatFellDueWhileNoSchedulerRanFiresOnceRightAfterStart() {
        SlaDesk desk = desk();
        desk.create(breachOnly(desk));
        java.time.Instant created = this.clock.instant();
        long id = desk.ticket("停机期间到期", "normal");
        awaitMetric(desk.admin, id, "first_response", state("running"));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> created.plus(Duration.ofMinutes(10)).equals(dueAt(id)));

        this.slaScheduler.pause();
        Scheduler restarted = node("node-restarted");
        try {
            this.clock.advance(Duration.ofMinutes(11));
            assertThat(notified(id, "first_response", "breached")).isEmpty();

            restarted.start();
            awaitNotified(id, "first_response", "breached", 1, restarted);
        } finally {
            restarted.stop();
            this.slaScheduler.resume();
        }
        this.slaScheduler.triggerCheckForDueExecutions();
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

    /** First response within 10 minutes, no reminder, no escalation: one timer per ticket. */
    private static Map<String, Object> breachOnly(SlaDesk desk) {
        Map<String, Object> p = desk.policy("十分钟", "PT10M", "PT8H");
        p.put("resolution", null);
        p.put("reminderBefore", "PT0M");
        p.put("escalations", List.of());
        return p;
    }

    private Scheduler node(String name) {
        return TimerConfig.build(
                this.dataSource,
                this.appClock,
                Duration.ofHours(1),
                2,
                name,
                List.of(this.slaDueTask),
                this.slaTimerTask);
    }

    /** The ticket's next SLA moment as stored. */
    private java.time.@org.jspecify.annotations.Nullable Instant dueAt(long ticketId) {
        return this.db
                .select(dev.baton.platform.db.Tables.SLA_TICKETS.DUE_AT)
                .from(dev.baton.platform.db.Tables.SLA_TICKETS)
                .where(dev.baton.platform.db.Tables.SLA_TICKETS.TICKET_ID.eq(ticketId))
                .fetchOne(dev.baton.platform.db.Tables.SLA_TICKETS.DUE_AT);
    }
}
