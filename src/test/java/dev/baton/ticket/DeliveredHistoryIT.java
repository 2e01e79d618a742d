package dev.baton.ticket;

import static dev.baton.platform.db.Tables.TICKETS;
import static dev.baton.platform.db.Tables.TICKET_EVENTS;
import static dev.baton.platform.db.Tables.TICKET_RELAY;
import static dev.baton.ticket.TicketFixture.act;
import static dev.baton.ticket.TicketFixture.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The history a relay round's listeners get ({@link TicketEventLog#historyAsDelivered}, from what the relay
 * delivered where it can) is the ticket's logged history, also when a version moved without a row of its own and
 * the relay's copy falls behind.
 */
class DeliveredHistoryIT extends TicketTest {

    @Autowired
    TicketEventLog log;

    @Autowired
    DSLContext db;

    @Test
    void aDeliveredHistoryIsTheLoggedOneWithOrWithoutAGapInTheVersions() {
        TicketFixture desk = desk();
        long id = desk.create(desk.admin, "交付的历史", Map.of("amount", 1)).id();
        long tenant = tenantOf(id);
        ok(act(desk.agent, id, "accept", Map.of("expectedVersion", version(desk.agent, id))));
        ok(act(desk.agent, id, "comment", Map.of("comment", "先看看", "expectedVersion", version(desk.agent, id))));
        delivered();
        List<TicketEvent> logged = this.log.history(tenant, List.of(id)).get(id);
        assertThat(logged).isNotEmpty();
        assertThat(logged.getFirst()).isInstanceOf(TicketEvent.TicketCreated.class);
        assertThat(this.log.historyAsDelivered(tenant, List.of(id))).containsExactly(Map.entry(id, logged));

        // a version taken without a row (as a child link or a customer merge does), then a change with its row
        this.db
                .update(TICKETS)
                .set(TICKETS.VERSION, TICKETS.VERSION.plus(1))
                .where(TICKETS.ID.eq(id))
                .execute();
        ok(act(
                desk.agent,
                id,
                "submit",
                Map.of("expectedVersion", version(desk.agent, id), "fields", Map.of("note", "需更换压缩机"))));
        delivered();
        logged = this.log.history(tenant, List.of(id)).get(id);
        assertThat(logged).anyMatch(e -> e instanceof TicketEvent.NodeCompleted);
        assertThat(this.log.historyAsDelivered(tenant, List.of(id))).containsExactly(Map.entry(id, logged));

        // and the next change, after the gap
        ok(act(desk.engineer, id, "comment", Map.of("comment", "已到现场", "expectedVersion", version(desk.agent, id))));
        delivered();
        assertThat(this.log.historyAsDelivered(tenant, List.of(id)))
                .containsExactly(
                        Map.entry(id, this.log.history(tenant, List.of(id)).get(id)));
    }

    @Test
    void aChangeAnotherNodeDeliveredIsInTheHistoryThisNodeGivesItsListeners() {
        TicketFixture desk = desk();
        long id = desk.create(desk.admin, "另一节点交付", Map.of("amount", 1)).id();
        long tenant = tenantOf(id);
        int accepted = version(desk.agent, id) + 1;
        ok(act(desk.agent, id, "accept", Map.of("expectedVersion", accepted - 1)));
        delivered();
        assertThat(this.log.historyAsDelivered(tenant, List.of(id)))
                .containsExactly(
                        Map.entry(id, this.log.history(tenant, List.of(id)).get(id)));

        // another node logged a change (the accept's events once more) and delivered it: this node never saw it
        var e = TICKET_EVENTS;
        List<org.jooq.Field<?>> copied =
                java.util.Arrays.stream(e.fields()).filter(f -> f != e.ID).toList();
        this.db
                .insertInto(e)
                .columns(copied)
                .select(this.db
                        .select(copied.stream()
                                .map(f -> f == e.TICKET_VERSION ? e.TICKET_VERSION.plus(1) : f)
                                .toList())
                        .from(e)
                        .where(e.TICKET_ID.eq(id), e.TICKET_VERSION.eq(accepted)))
                .execute();
        this.db
                .update(TICKETS)
                .set(TICKETS.VERSION, accepted + 1)
                .where(TICKETS.ID.eq(id))
                .execute();
        long elsewhere = this.db
                .select(org.jooq.impl.DSL.max(e.ID))
                .from(e)
                .fetchSingle()
                .value1();
        this.db.update(TICKET_RELAY).set(TICKET_RELAY.LAST_EVENT_ID, elsewhere).execute();
        int before = this.log.history(tenant, List.of(id)).get(id).size();

        ok(act(desk.agent, id, "comment", Map.of("comment", "继续处理", "expectedVersion", accepted + 1)));
        delivered();
        List<TicketEvent> logged = this.log.history(tenant, List.of(id)).get(id);
        assertThat(logged).hasSizeGreaterThan(before);
        assertThat(this.log.historyAsDelivered(tenant, List.of(id)))
                .as("the other node's change is in it: the history was read, not extended past the gap")
                .containsExactly(Map.entry(id, logged));
    }

    @Test
    void ticketsWithoutAnyEventAreLeftOutAsByTheLog() {
        assertThat(this.log.historyAsDelivered(1L, List.of(-1L))).isEmpty();
    }

    private long tenantOf(long ticketId) {
        return this.db
                .select(TICKETS.TENANT_ID)
                .from(TICKETS)
                .where(TICKETS.ID.eq(ticketId))
                .fetchSingle()
                .value1();
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Until the relay's cursor has passed every logged row. */
    private void delivered() {
        long last = this.db
                .select(org.jooq.impl.DSL.max(TICKET_EVENTS.ID))
                .from(TICKET_EVENTS)
                .fetchSingle()
                .value1();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> this.db
                                .select(TICKET_RELAY.LAST_EVENT_ID)
                                .from(TICKET_RELAY)
                                .fetchSingle()
                                .value1()
                        >= last);
    }
}
