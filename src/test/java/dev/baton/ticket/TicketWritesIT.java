package dev.baton.ticket;

import static dev.baton.platform.db.Tables.FLOWS;
import static dev.baton.platform.db.Tables.FLOW_VERSIONS;
import static dev.baton.platform.db.Tables.TICKETS;
import static dev.baton.platform.db.Tables.TICKET_EVENTS;
import static dev.baton.platform.db.Tables.TICKET_TASKS;
import static dev.baton.ticket.TicketFixture.act;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How ticket writes meet what other nodes did meanwhile, and what a failed write leaves behind. "Another node" is
 * SQL behind this node's caches: on PostgreSQL a creation trusts the flow it last saw and its insert checks it, and
 * an action's single statement commits by itself.
 */
class TicketWritesIT extends TicketTest {

    @Autowired
    DSLContext db;

    @Test
    void aTicketCreatedRightAfterAnotherNodePublishedANewVersionRunsOnIt() {
        TicketFixture desk = desk();
        assertThat(desk.create(desk.admin, "发布前", Map.of("amount", 1))
                        .at("/flowVersion")
                        .asInt())
                .isEqualTo(1);

        publishElsewhere(desk.flowId, 2);

        Api.Response after = desk.create(desk.admin, "发布后", Map.of("amount", 1));
        assertThat(after.status()).as(after.body()).isEqualTo(201);
        assertThat(after.at("/flowId").asLong()).isEqualTo(desk.flowId);
        assertThat(after.at("/flowVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aTicketCreatedAfterAnotherNodeMadeAnotherFlowTheTemplatesRunsThatFlow() {
        TicketFixture desk = desk();
        long second = TicketFixture.publish(desk.admin, desk.templateId, TicketFixture.definition());
        assertThat(desk.create(desk.admin, "第二个流程", Map.of("amount", 1))
                        .at("/flowId")
                        .asLong())
                .isEqualTo(second);

        // the first flow was saved last elsewhere: the one updated last is the one new tickets run
        this.db
                .update(FLOWS)
                .set(FLOWS.UPDATED_AT, this.clock.instant().plus(Duration.ofMinutes(1)))
                .where(FLOWS.ID.eq(desk.flowId))
                .execute();

        Api.Response after = desk.create(desk.admin, "又回到第一个", Map.of("amount", 1));
        assertThat(after.status()).as(after.body()).isEqualTo(201);
        assertThat(after.at("/flowId").asLong()).isEqualTo(desk.flowId);
    }

    @Test
    void aNewTicketsHistoryAndSearchKnowItsNumber() {
        TicketFixture desk = desk();
        Api.Response created = desk.create(desk.admin, "空调漏水 0001", Map.of("amount", 1));
        String number = created.text("number");
        String digits = number.substring(number.indexOf('-') + 1);

        Api.Response events = desk.admin.get("/api/v1/tickets/" + created.id() + "/events");
        assertThat(events.json().get(0).path("changes").path("number").asString())
                .isEqualTo(number);
        assertThat(events.body()).doesNotContain("#pending-");
        assertThat(ids(desk.admin.get("/api/v1/tickets?q=" + number))).containsExactly(created.id());
        assertThat(ids(desk.admin.get("/api/v1/tickets?q=" + digits))).containsExactly(created.id());
    }

    @Test
    void aCreationWhoseStatementFailsLeavesNoTicketAndTakesNoNumber() {
        Assumptions.assumeTrue(TestDatabases.postgres(), "the failure is a PostgreSQL trigger");
        TicketFixture desk = desk();
        Api.Response one = desk.create(desk.admin, "第一张", Map.of("amount", 1));
        String first = one.text("number");
        long tenant = this.db
                .select(TICKETS.TENANT_ID)
                .from(TICKETS)
                .where(TICKETS.ID.eq(one.id()))
                .fetchSingle(TICKETS.TENANT_ID);
        long before = this.db.fetchCount(TICKETS);

        failing("ticket_events", "new.tenant_id = " + tenant + " and new.ticket_version = 0", () -> {
            Api.Response failed = desk.create(desk.admin, "写不进去", Map.of("amount", 1));
            assertThat(failed.status()).as(failed.body()).isEqualTo(500);
        });

        assertThat(this.db.fetchCount(TICKETS)).isEqualTo(before);
        String next = desk.create(desk.admin, "第二张", Map.of("amount", 1)).text("number");
        assertThat(Integer.parseInt(next.substring(11))).isEqualTo(Integer.parseInt(first.substring(11)) + 1);
    }

    @Test
    void anActionOnAVersionAnotherNodeChangedIsRefusedWithTheCurrentVersion() {
        TicketFixture desk = desk();
        long id = desk.create(desk.admin, "别处改过", Map.of("amount", 1)).id();
        assertThat(desk.agent.get("/api/v1/tickets/" + id).at("/version").asInt())
                .isEqualTo(0); // this node now remembers version 0

        // another node's changes took the ticket to version 5
        this.db.update(TICKETS).set(TICKETS.VERSION, 5).where(TICKETS.ID.eq(id)).execute();

        Api.Response stale = act(desk.agent, id, "accept", Map.of("expectedVersion", 0));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.at("/currentVersion").asInt()).isEqualTo(5);
        Api.Response fresh = act(desk.agent, id, "accept", Map.of("expectedVersion", 5));
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.at("/version").asInt()).isEqualTo(6);
    }

    @Test
    void aReadAfterAnotherNodeChangedTheTicketShowsTheChangeNotThisNodesCopy() {
        TicketFixture desk = desk();
        long id = desk.create(desk.admin, "别处改了标题", Map.of("amount", 1)).id();
        Api.Response first = desk.agent.get("/api/v1/tickets/" + id);
        Api.Response again = desk.agent.get("/api/v1/tickets/" + id);
        assertThat(again.body())
                .as("an unchanged ticket read from this node's copy reads exactly as from the row")
                .isEqualTo(first.body());

        // another node renamed it (version 1)
        this.db
                .update(TICKETS)
                .set(TICKETS.TITLE, "另一节点改的标题")
                .set(TICKETS.VERSION, 1)
                .where(TICKETS.ID.eq(id))
                .execute();

        Api.Response after = desk.agent.get("/api/v1/tickets/" + id);
        assertThat(after.at("/title").asString()).isEqualTo("另一节点改的标题");
        assertThat(after.at("/version").asInt()).isEqualTo(1);
    }

    @Test
    void aCopyMadeByACreationReadsLikeTheRowItWrote() {
        TicketFixture desk = desk();
        long id = desk.create(desk.admin, "创建之后读", Map.of("amount", 1)).id();

        Api.Response fromCopy = desk.agent.get("/api/v1/tickets/" + id);
        Api.Response fromRow = rowRead(desk.agent, id);

        assertThat(fromCopy.body()).isEqualTo(fromRow.body());
        assertThat(fromCopy.at("/number").asString())
                .as("the database's number, not a stand-in")
                .startsWith("GD");
    }

    @Test
    void aCopyMadeByAnActionReadsLikeTheRowItWrote() {
        TicketFixture desk = desk();
        long id = desk.create(desk.admin, "动作之后读", Map.of("amount", 1)).id();
        int version = desk.agent.get("/api/v1/tickets/" + id).at("/version").asInt();
        Api.Response accepted = act(desk.agent, id, "accept", Map.of("expectedVersion", version));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        Api.Response fromCopy = desk.agent.get("/api/v1/tickets/" + id);
        Api.Response fromRow = rowRead(desk.agent, id);

        assertThat(fromCopy.at("/version").asInt()).isEqualTo(version + 1);
        assertThat(fromCopy.at("/updatedAt").asString())
                .as("times to the microsecond, as the database keeps them")
                .isEqualTo(fromRow.at("/updatedAt").asString());
        assertThat(fromCopy.body()).isEqualTo(fromRow.body());
    }

    /** The ticket read from its row: this node's copy put out of the way (the row's version moved on and back). */
    private Api.Response rowRead(Api as, long id) {
        this.db
                .update(TICKETS)
                .set(TICKETS.VERSION, TICKETS.VERSION.plus(100))
                .where(TICKETS.ID.eq(id))
                .execute();
        as.get("/api/v1/tickets/" + id);
        this.db
                .update(TICKETS)
                .set(TICKETS.VERSION, TICKETS.VERSION.minus(100))
                .where(TICKETS.ID.eq(id))
                .execute();
        return as.get("/api/v1/tickets/" + id);
    }

    @Test
    void anActionWhoseStatementFailsLeavesTheTicketAsItWas() {
        Assumptions.assumeTrue(TestDatabases.postgres(), "the failure is a PostgreSQL trigger");
        TicketFixture desk = desk();
        long id = desk.create(desk.admin, "写入失败", Map.of("amount", 1)).id();

        failing("ticket_events", "new.ticket_id = " + id, () -> {
            Api.Response failed = act(desk.agent, id, "accept", Map.of("expectedVersion", 0));
            assertThat(failed.status()).as(failed.body()).isEqualTo(500);
        });

        Api.Response ticket = desk.agent.get("/api/v1/tickets/" + id);
        assertThat(ticket.at("/version").asInt()).isEqualTo(0);
        assertThat(ticket.at("/status").asString()).isEqualTo("open");
        assertThat(this.db.fetchCount(
                        TICKET_TASKS, TICKET_TASKS.TICKET_ID.eq(id).and(TICKET_TASKS.USER_ID.isNotNull())))
                .isZero();
        assertThat(this.db.fetchCount(TICKET_EVENTS, TICKET_EVENTS.TICKET_ID.eq(id)))
                .isEqualTo(1);
        Api.Response accepted = act(desk.agent, id, "accept", Map.of("expectedVersion", 0));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.at("/version").asInt()).isEqualTo(1);
    }

    @Test
    void aChangeOfSeveralStatementsThatFailsHalfwayLeavesTheTicketAsItWas() {
        Assumptions.assumeTrue(TestDatabases.postgres(), "the failure is a PostgreSQL trigger");
        TicketFixture desk = desk();
        long id = desk.create(desk.admin, "索引失败", Map.of("amount", 1, "model", "KFR-35"))
                .id();
        act(desk.agent, id, "accept", Map.of("expectedVersion", 0));

        // a changed searchable field rewrites its index rows after the row's own statement
        failing("field_index", "new.ticket_id = " + id, () -> {
            Api.Response failed =
                    act(desk.agent, id, "save", Map.of("expectedVersion", 1, "fields", Map.of("model", "KFR-72")));
            assertThat(failed.status()).as(failed.body()).isEqualTo(500);
        });

        Api.Response ticket = desk.agent.get("/api/v1/tickets/" + id);
        assertThat(ticket.at("/version").asInt()).isEqualTo(1);
        assertThat(ticket.at("/fields/model").asString()).isEqualTo("KFR-35");
        assertThat(this.db.fetchCount(TICKET_EVENTS, TICKET_EVENTS.TICKET_ID.eq(id)))
                .isEqualTo(2);
        Api.Response saved =
                act(desk.agent, id, "save", Map.of("expectedVersion", 1, "fields", Map.of("model", "KFR-72")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.at("/fields/model").asString()).isEqualTo("KFR-72");
    }

    private static List<Long> ids(Api.Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        list.json().path("items").forEach(t -> ids.add(t.path("id").asLong()));
        return ids;
    }

    /** Publishes {@code version} of the flow as another node would: a copy of version 1, marked published. */
    private void publishElsewhere(long flowId, int version) {
        var v1 = this.db
                .selectFrom(FLOW_VERSIONS)
                .where(FLOW_VERSIONS.FLOW_ID.eq(flowId), FLOW_VERSIONS.VERSION_NO.eq(1))
                .fetchSingle();
        v1.setVersionNo(version);
        this.db.insertInto(FLOW_VERSIONS).set(v1).execute();
        this.db
                .update(FLOWS)
                .set(FLOWS.PUBLISHED_VERSION, version)
                .set(FLOWS.UPDATED_AT, this.clock.instant())
                .where(FLOWS.ID.eq(flowId))
                .execute();
    }

    /** Runs {@code body} while inserts into {@code table} matching {@code when} fail. */
    private void failing(String table, String when, Runnable body) {
        this.db.execute("create function baton_it_fail() returns trigger language plpgsql as"
                + " $$ begin raise exception 'failing on purpose'; end $$");
        this.db.execute("create trigger baton_it_fail before insert on " + table + " for each row when (" + when
                + ") execute function baton_it_fail()");
        try {
            body.run();
        } finally {
            this.db.execute("drop trigger baton_it_fail on " + table);
            this.db.execute("drop function baton_it_fail()");
        }
    }
}
