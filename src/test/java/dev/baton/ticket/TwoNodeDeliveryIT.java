package dev.baton.ticket;

import static dev.baton.platform.db.Tables.TICKET_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.BatonApplication;
import dev.baton.support.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.env.Environment;

/**
 * Two Baton nodes on one database, tickets created on both at once: every domain event reaches listeners
 * exactly once across the cluster (the relay's cursor row is locked for a round, so the nodes take turns).
 */
class TwoNodeDeliveryIT extends TicketTest {

    @Autowired
    Environment env;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    DSLContext db;

    @Test
    void eachEventIsDeliveredOnceAcrossTwoNodes() throws Exception {
        Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byNode = new ConcurrentHashMap<>();
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(BatonApplication.class)
                // arguments, not default properties: those would lose against application.yml
                .run(
                        "--server.port=0",
                        "--baton.demo=true",
                        "--baton.data-dir=target/test-data-node2",
                        "--baton.security.token-secret=" + this.env.getProperty("baton.security.token-secret"),
                        "--logging.level.root=WARN",
                        "--spring.datasource.url=" + this.env.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + this.env.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + this.env.getProperty("spring.datasource.password", ""))) {
            TicketFixture desk = desk();
            count(this.context, "first", deliveries, byNode, desk.templateId);
            count(second, "second", deliveries, byNode, desk.templateId);
            Api onSecond =
                    desk.admin.on("http://localhost:" + second.getEnvironment().getProperty("local.server.port"));

            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Long>> created = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Api via = i % 2 == 0 ? desk.admin : onSecond;
                int n = i;
                created.add(pool.submit(() ->
                        desk.create(via, "第 " + n + " 单", Map.of("amount", n)).id()));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Long> f : created) {
                ids.add(f.get());
            }
            pool.shutdown();

            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> deliveries.keySet().containsAll(ids));
            // once the cursor has passed every event, nothing can be delivered again
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(this::relayCaughtUp);
            assertThat(ids).allSatisfy(id -> assertThat(deliveries.get(id)).hasValue(1));
            assertThat(byNode.keySet()).isNotEmpty();
        }
    }

    /**
     * The cursor is past every event and waits for none that exists. Ids of statements that failed (other tests in
     * this schema make some fail on purpose) stay pending for minutes, but never appear.
     */
    private boolean relayCaughtUp() {
        var pending = this.db
                .fetchOptional("select pending from ticket_relay where id = 1"
                        + " and last_event_id >= (select coalesce(max(id), 0) from ticket_events)")
                .map(r -> r.get(0, String.class));
        if (pending.isEmpty()) {
            return false;
        }
        List<Long> waitingFor = Arrays.stream(pending.get().split(","))
                .filter(entry -> entry.contains(":"))
                .map(entry -> Long.parseLong(entry.substring(0, entry.indexOf(':'))))
                .toList();
        return waitingFor.isEmpty() || this.db.fetchCount(TICKET_EVENTS, TICKET_EVENTS.ID.in(waitingFor)) == 0;
    }

    private static void count(
            ConfigurableApplicationContext node,
            String name,
            Map<Long, AtomicInteger> deliveries,
            Map<String, AtomicInteger> byNode,
            long templateId) {
        node.addApplicationListener((PayloadApplicationEvent<?> e) -> {
            if (e.getPayload() instanceof TicketEvent.TicketCreated c && c.templateId() == templateId) {
                deliveries
                        .computeIfAbsent(c.ticketId(), k -> new AtomicInteger())
                        .incrementAndGet();
                byNode.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            }
        });
    }
}
