package dev.baton.ticket;

import static dev.baton.platform.db.Tables.TICKETS;
import static dev.baton.ticket.TicketFixture.act;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TicketConcurrencyIT extends TicketTest {

    @Autowired
    DSLContext db;

    @Test
    void twentyThreadsActingOnOneTicketNeverLoseAnUpdate() throws Exception {
        TicketFixture desk = desk();
        long id = desk.create(desk.admin, "并发测试", Map.of("amount", 1)).id();
        act(desk.agent, id, "accept", Map.of("expectedVersion", 0));

        // Round after round, 20 threads save a different note against the same version: exactly one wins.
        for (int round = 1; round <= 3; round++) {
            int expected = round;
            List<Api.Response> answers = all(
                    20,
                    i -> act(
                            desk.agent,
                            id,
                            "save",
                            Map.of("expectedVersion", expected, "fields", Map.of("note", "n" + i))));
            assertThat(answers.stream().filter(r -> r.status() == 200)).hasSize(1);
            assertThat(answers.stream().filter(r -> r.status() == 409)).hasSize(19);
            answers.stream()
                    .filter(r -> r.status() == 409)
                    .forEach(r -> assertThat(r.at("/currentVersion").asInt()).isEqualTo(expected + 1));
        }

        // Comments carry no version; all 20 land, each as its own version.
        List<Api.Response> comments = all(20, i -> act(desk.agent, id, "comment", Map.of("comment", "c" + i)));
        assertThat(comments).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));

        Api.Response ticket = desk.admin.get("/api/v1/tickets/" + id);
        Api.Response events = desk.admin.get("/api/v1/tickets/" + id + "/events");
        int finalVersion = ticket.at("/version").asInt();
        assertThat(finalVersion).isEqualTo(1 + 3 + 20);
        List<Integer> versions = new ArrayList<>();
        events.json().forEach(e -> versions.add(e.path("ticketVersion").asInt()));
        assertThat(versions).hasSize(finalVersion + 1);
        assertThat(versions).isSorted().doesNotHaveDuplicates().endsWith(finalVersion);
        // The log's last field change is the value the ticket holds.
        String lastNote = null;
        for (var e : events.json()) {
            var note = e.path("changes").path("fields").path("note");
            if (!note.isMissingNode()) {
                lastNote = note.get(1).asString();
            }
        }
        assertThat(ticket.at("/fields/note").asString()).isEqualTo(lastNote);
    }

    @Test
    void theSameIdempotencyKeyGivesOneTicketEvenWhenRetriesRace() throws Exception {
        TicketFixture desk = desk();
        Map<String, Object> body =
                Map.of("templateId", desk.templateId, "title", "重复提交", "fields", Map.of("amount", 1));

        List<Api.Response> answers = all(
                10, i -> desk.admin.header("Idempotency-Key", "wecom-msg-42").post("/api/v1/tickets", body));

        Set<Long> ids = new HashSet<>();
        answers.forEach(r -> ids.add(r.id()));
        assertThat(ids).hasSize(1);
        assertThat(answers.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(r -> r.status() == 200)).hasSize(9);
        assertThat(desk.admin.get("/api/v1/tickets").at("/total").asInt()).isEqualTo(1);
    }

    @Test
    void ticketNumbersCreatedAtOnceHaveNoGapsAndNoDuplicates() throws Exception {
        TicketFixture desk = desk();
        List<Api.Response> answers = all(20, i -> desk.create(desk.admin, "工单" + i, Map.of("amount", i)));

        List<Integer> numbers = new ArrayList<>();
        answers.forEach(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        answers.forEach(r -> numbers.add(Integer.parseInt(r.text("number").substring(11))));
        assertThat(numbers)
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void aVersionThisNodeReadIsNoPassForAChangeMadeElsewhere() throws Exception {
        TicketFixture desk = desk();
        long id = desk.create(desk.admin, "另一节点", Map.of("amount", 1)).id();
        act(desk.agent, id, "accept", Map.of("expectedVersion", 0));
        assertThat(desk.agent.get("/api/v1/tickets/" + id).at("/version").asInt())
                .isEqualTo(1);

        // Another node saves a note: the row moves to version 2 behind this node's back.
        this.db
                .update(TICKETS)
                .set(TICKETS.VERSION, 2)
                .set(TICKETS.FIELDS, "{\"amount\": 1, \"note\": \"其他节点\"}")
                .where(TICKETS.ID.eq(id))
                .execute();

        Api.Response stale = act(desk.agent, id, "save", Map.of("expectedVersion", 1, "fields", Map.of("note", "本节点")));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.at("/currentVersion").asInt()).isEqualTo(2);

        Api.Response fresh = act(desk.agent, id, "save", Map.of("expectedVersion", 2, "fields", Map.of("amount", 7)));
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        // Started from the row the other node wrote, not from what this node had seen.
        assertThat(fresh.at("/fields/note").asString()).isEqualTo("其他节点");
        assertThat(fresh.at("/fields/amount").asInt()).isEqualTo(7);
    }

    interface Call {
        Api.Response call(int i) throws Exception;
    }

    private static List<Api.Response> all(int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                calls.add(() -> call.call(n));
            }
            List<Api.Response> out = new ArrayList<>();
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }
}
