package dev.baton.sla.internal;

import static dev.baton.platform.db.Tables.SLA_TICKETS;
import static dev.baton.platform.db.Tables.TICKET_EVENTS;
import static dev.baton.platform.db.Tables.TICKET_RELAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.platform.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TicketSlaIT extends SlaTest {

    @Test
    void aTicketIsRemindedBreachedAndEscalatedAsTheClockMovesAndPausesMoveItsDeadlines() {
        SlaDesk desk = desk();
        desk.create(desk.policy("标准", "PT1H", "PT4H"));
        Instant created = this.clock.instant();
        long id = desk.ticket("空调不制冷", "normal");

        JsonNode node = awaitMetric(desk.admin, id, "node:handle", state("running"));
        assertThat(node.path("target").asString()).as("the flow node's own SLA").isEqualTo("PT2H");
        assertThat(instant(node.path("dueAt"))).isEqualTo(created.plus(Duration.ofHours(2)));

        act(desk.agent, id, "accept", Map.of("expectedVersion", version(desk.admin, id)));
        JsonNode firstResponse = awaitMetric(desk.admin, id, "first_response", state("met"));
        assertThat(firstResponse.path("remainingMinutes").asLong()).isEqualTo(60);

        act(desk.agent, id, "suspend", Map.of("expectedVersion", version(desk.admin, id), "comment", "等客户回复"));
        awaitMetric(desk.admin, id, "resolution", state("paused"));
        this.clock.advance(Duration.ofHours(3));
        act(desk.agent, id, "resume", Map.of("expectedVersion", version(desk.admin, id)));
        JsonNode resolution = awaitMetric(desk.admin, id, "resolution", state("running"));
        assertThat(instant(resolution.path("dueAt"))).isEqualTo(created.plus(Duration.ofHours(7)));
        assertThat(resolution.path("paused").asString()).isEqualTo("PT3H");
        node = awaitMetric(desk.admin, id, "node:handle", state("running"));
        assertThat(instant(node.path("dueAt"))).isEqualTo(created.plus(Duration.ofHours(5)));

        // 20 minutes before the handling deadline: the handler is reminded
        this.clock.advance(Duration.ofMinutes(100));
        List<Notification> reminders = awaitNotified(id, "node:handle", "reminder", 1);
        assertThat(reminders.get(0).recipients()).containsExactly(desk.agentId);
        assertThat(reminders.get(0).variables()).containsEntry("node.name", "受理");

        // at the deadline: breached (to the handler) and L1 (to the handler's department leader)
        this.clock.advance(Duration.ofMinutes(20));
        assertThat(awaitNotified(id, "node:handle", "breached", 1).get(0).recipients())
                .containsExactly(desk.agentId);
        Notification l1 = awaitNotified(id, "node:handle", "escalated_l1", 1).get(0);
        assertThat(l1.recipients()).containsExactly(desk.leadId);
        assertThat(l1.variables()).containsEntry("sla.channels", "wecom");
        assertThat(l1.dedupKey()).isNotBlank();
        JsonNode breached = awaitMetric(desk.admin, id, "node:handle", state("breached"));
        assertThat(breached.path("history").findValuesAsString("event")).contains("breached", "escalated_l1");

        // an hour later: L2 to the supervisors, through the SMS channel too
        this.clock.advance(Duration.ofHours(1));
        Notification l2 = awaitNotified(id, "node:handle", "escalated_l2", 1).get(0);
        assertThat(l2.recipients()).containsExactly(desk.supervisorId);
        assertThat(l2.variables()).containsEntry("sla.channels", "wecom,sms");
        JsonNode overdue = awaitMetric(desk.admin, id, "node:handle", m -> m.has("overdueMinutes"));
        assertThat(overdue.path("overdueMinutes").asLong()).isEqualTo(60);

        // the handler finishes: resolution is met, and its reminder and breach never come
        act(desk.agent, id, "submit", Map.of("expectedVersion", version(desk.admin, id)));
        awaitMetric(desk.admin, id, "resolution", state("met"));
        this.clock.advance(Duration.ofHours(3));
        this.slaDue.run();
        assertThat(notified(id, "resolution", "reminder")).isEmpty();
        assertThat(notified(id, "resolution", "breached")).isEmpty();
        for (String kind : Set.of("reminder", "breached", "escalated_l1", "escalated_l2")) {
            assertThat(notified(id, "node:handle", kind)).as(kind).hasSize(1);
        }
    }

    @Test
    void aChangedPolicyRecomputesOpenTicketsFromTheirHistoryAndClosedOnesKeepTheirResult() {
        SlaDesk desk = desk();
        long policy = desk.create(desk.policy("标准", "PT1H", "PT4H"));
        long closed = desk.ticket("已关闭", "normal");
        act(desk.agent, closed, "accept", Map.of("expectedVersion", version(desk.admin, closed)));
        act(desk.agent, closed, "submit", Map.of("expectedVersion", version(desk.admin, closed)));
        act(desk.admin, closed, "close", Map.of("expectedVersion", version(desk.admin, closed)));
        Instant created = this.clock.instant();
        long open = desk.ticket("处理中", "normal");
        awaitMetric(desk.admin, open, "first_response", state("running"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> closedRow(desk, closed));

        Map<String, Object> changed = desk.policy("标准", "PT8H", "PT24H");
        changed.put("version", 0);
        assertThat(desk.admin.put("/api/v1/sla-policies/" + policy, changed).status())
                .isEqualTo(200);

        JsonNode recomputed = awaitMetric(desk.admin, open, "first_response", state("running"));
        assertThat(recomputed.path("target").asString()).isEqualTo("PT8H");
        assertThat(instant(recomputed.path("dueAt"))).isEqualTo(created.plus(Duration.ofHours(8)));
        JsonNode kept = awaitMetric(desk.admin, closed, "resolution", state("met"));
        assertThat(kept.path("target").asString()).isEqualTo("PT4H");
    }

    @Test
    void aTicketStartedWhileTheTenantHadNoPolicyIsMeasuredFromItsCreationOnceOneExists() {
        SlaDesk desk = desk(); // without policies
        Instant created = this.clock.instant();
        long early = desk.ticket("无时效", "normal");
        // wait until the relay has delivered the ticket's events, so they met a tenant without policies
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> this.db
                                .select(DSL.max(TICKET_RELAY.LAST_EVENT_ID))
                                .from(TICKET_RELAY)
                                .fetchOne(0, Long.class)
                        >= this.db
                                .select(DSL.max(TICKET_EVENTS.ID))
                                .from(TICKET_EVENTS)
                                .where(TICKET_EVENTS.TICKET_ID.eq(early))
                                .fetchOne(0, Long.class));
        assertThat(desk.admin.get("/api/v1/tickets/" + early + "/sla").json().path("metrics"))
                .as("no policy, no clock")
                .isEmpty();
        assertThat(this.db.fetchExists(SLA_TICKETS, SLA_TICKETS.TICKET_ID.eq(early)))
                .isFalse();

        this.clock.advance(Duration.ofMinutes(20));
        desk.create(desk.policy("标准", "PT1H", "PT4H"));

        // the clock started when the ticket did, and its reminder and breach are set like any other ticket's
        JsonNode response = awaitMetric(desk.admin, early, "first_response", state("running"));
        assertThat(instant(response.path("dueAt"))).isEqualTo(created.plus(Duration.ofHours(1)));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> this.db.fetchExists(
                        SLA_TICKETS, SLA_TICKETS.TICKET_ID.eq(early), SLA_TICKETS.DUE_AT.isNotNull()));
        this.clock.advance(Duration.ofMinutes(45));
        assertThat(awaitNotified(early, "first_response", "breached", 1)).hasSize(1);
    }

    @Test
    void theFirstMatchingPolicyInListOrderApplies() {
        SlaDesk desk = desk();
        long standard = desk.create(desk.policy("标准", "PT1H", "PT4H"));
        Map<String, Object> urgent = desk.policy("加急", "PT15M", "PT2H");
        urgent.put("match", Map.of("priorities", List.of("urgent")));
        long rush = desk.create(urgent);
        assertThat(desk.admin
                        .put("/api/v1/sla-policies/order", Map.of("ids", List.of(rush, standard)))
                        .status())
                .isEqualTo(200);

        long hot = desk.ticket("机房断电", "urgent");
        long calm = desk.ticket("换灯泡", "normal");

        awaitMetric(
                desk.admin,
                hot,
                "first_response",
                m -> m.path("target").asString().equals("PT15M"));
        awaitMetric(
                desk.admin,
                calm,
                "first_response",
                m -> m.path("target").asString().equals("PT1H"));
        assertThat(desk.admin.get("/api/v1/tickets/" + hot + "/sla").text("policyName"))
                .isEqualTo("加急");
        assertThat(desk.agent.get("/api/v1/tickets/999999999/sla").status()).isEqualTo(404);
    }

    private boolean closedRow(SlaDesk desk, long ticket) {
        return this.db.fetchExists(
                dev.baton.platform.db.Tables.SLA_TICKETS,
                dev.baton.platform.db.Tables.SLA_TICKETS.TENANT_ID.eq(desk.tenantId),
                dev.baton.platform.db.Tables.SLA_TICKETS.TICKET_ID.eq(ticket),
                dev.baton.platform.db.Tables.SLA_TICKETS.CLOSED_AT.isNotNull());
    }
}
