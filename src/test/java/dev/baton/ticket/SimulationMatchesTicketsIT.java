package dev.baton.ticket;

import static dev.baton.ticket.TicketFixture.act;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sandbox and real tickets share one step function: for random amounts and random approval verdicts,
 * the path the sandbox predicts is the path the ticket's history records.
 */
class SimulationMatchesTicketsIT extends TicketTest {

    @Test
    void theSimulatedPathIsThePathARealTicketTakes() {
        TicketFixture desk = desk();
        Random random = new Random(20261123L);
        for (int round = 0; round < 8; round++) {
            int amount = random.nextBoolean() ? 100 + random.nextInt(4000) : 5001 + random.nextInt(5000);
            List<String> verdicts = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                verdicts.add("reject");
            }
            Api.Response simulated = desk.admin.post(
                    "/api/v1/flows/" + desk.flowId + "/simulate",
                    Map.of("version", 1, "fields", Map.of("amount", amount), "decisions", Map.of("approve", verdicts)));
            List<String> predicted = new ArrayList<>();
            simulated
                    .json()
                    .path("path")
                    .forEach(p -> predicted.add(p.path("nodeId").asString()));

            long id = desk.create(desk.admin, "模拟对照 " + round, Map.of("amount", amount))
                    .id();
            drive(desk, id, new ArrayList<>(verdicts));

            List<String> taken = new ArrayList<>();
            desk.admin
                    .get("/api/v1/tickets/" + id + "/events")
                    .json()
                    .forEach(e -> e.path("changes").path("entered").forEach(n -> taken.add(n.asString())));
            assertThat(taken).as("amount %d, verdicts %s", amount, verdicts).isEqualTo(predicted);
            assertThat(desk.admin.get("/api/v1/tickets/" + id).text("status")).isEqualTo("resolved");
        }
    }

    /** Works the ticket as its people would: whoever may act at the waiting node does. */
    private static void drive(TicketFixture desk, long id, List<String> verdicts) {
        for (int step = 0; step < 20; step++) {
            Api.Response t = desk.admin.get("/api/v1/tickets/" + id);
            if (t.at("/nodes").isEmpty()) {
                return;
            }
            int version = t.at("/version").asInt();
            String node = t.at("/nodes/0/nodeId").asString();
            Api.Response r = switch (node) {
                case "handle" ->
                    act(desk.agent, id, "submit", Map.of("expectedVersion", version, "fields", Map.of("note", "n")));
                case "approve" ->
                    verdicts.isEmpty()
                            ? act(desk.supervisor, id, "approve", Map.of("expectedVersion", version))
                            : act(
                                    desk.supervisor,
                                    id,
                                    verdicts.removeFirst(),
                                    Map.of("expectedVersion", version, "comment", "再核实"));
                default -> act(desk.engineer, id, "submit", Map.of("expectedVersion", version));
            };
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }
}
