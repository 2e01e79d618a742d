package dev.baton.ticket;

import static dev.baton.platform.db.Tables.TICKETS;
import static dev.baton.platform.db.Tables.TICKET_EVENTS;
import static dev.baton.platform.db.Tables.TICKET_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class OutboxDeliveryIT extends TicketTest {

    /** Templates whose tickets' creation events make the listener below throw. */
    static final Set<Long> FAILING = ConcurrentHashMap.newKeySet();

    static final List<TicketEvent> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean LISTENING = new AtomicBoolean();

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JsonMapper json;

    @Autowired
    void listen(ConfigurableApplicationContext context) {
        if (LISTENING.compareAndSet(false, true)) {
            context.addApplicationListener((PayloadApplicationEvent<?> e) -> {
                if (e.getPayload() instanceof TicketEvent event) {
                    if (event instanceof TicketEvent.TicketCreated c && FAILING.contains(c.templateId())) {
                        throw new IllegalStateException("listener down for template " + c.templateId());
                    }
                    RECEIVED.add(event);
                }
            });
        }
    }

    @Test
    void aListenerFailingOnOneTicketHoldsBackNeitherOtherTicketsNorItsOwnRetry() {
        TicketFixture sick = desk();
        TicketFixture well = desk();
        FAILING.add(sick.templateId);
        long failing = sick.create(sick.admin, "监听失败", Map.of("amount", 1)).id();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> attempts(failing) >= 1);

        // Once its retry is due, the failing row is delivered again (by a round or the poller) alongside the next
        // ticket.
        this.clock.advance(Duration.ofSeconds(11));
        long fine = well.create(well.admin, "正常", Map.of("amount", 1)).id();

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> created(fine));
        assertThat(created(failing)).isFalse();
        assertThat(attempts(failing)).isGreaterThanOrEqualTo(1);

        FAILING.remove(sick.templateId);
        this.clock.advance(Duration.ofMinutes(5));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> created(failing));
        // the claimed retry row goes when the delivery commits, a moment after the listeners have run
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> this.db.fetchCount(TICKET_OUTBOX, TICKET_OUTBOX.TICKET_ID.eq(failing)) == 0);
    }

    @Test
    void anEventWhoseTransactionCommitsAfterALaterOnesIsStillDelivered() throws Exception {
        TicketFixture desk = desk();
        long early = desk.create(desk.admin, "先开始", Map.of("amount", 1)).id();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> created(early));

        // A transaction draws an event id and holds it uncommitted while a later change commits and is delivered.
        CountDownLatch drawn = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        long tenant = this.db
                .select(TICKETS.TENANT_ID)
                .from(TICKETS)
                .where(TICKETS.ID.eq(early))
                .fetchSingle(TICKETS.TENANT_ID);
        String urged = this.json
                .writerFor(new TypeReference<List<TicketEvent>>() {})
                .writeValueAsString(
                        List.of(new TicketEvent.TicketUrged(tenant, early, 99, this.clock.instant(), null)));
        Thread slow = new Thread(() -> this.transactions.executeWithoutResult(s -> {
            this.db
                    .insertInto(TICKET_EVENTS)
                    .set(TICKET_EVENTS.TENANT_ID, tenant)
                    .set(TICKET_EVENTS.TICKET_ID, early)
                    .set(TICKET_EVENTS.TICKET_VERSION, 99)
                    .set(TICKET_EVENTS.ACTION, "urge")
                    .set(TICKET_EVENTS.VISIBILITY, "internal")
                    .set(TICKET_EVENTS.DOMAIN_EVENTS, urged)
                    .set(TICKET_EVENTS.CREATED_AT, this.clock.instant())
                    .execute();
            drawn.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        slow.start();
        drawn.await();
        long later = desk.create(desk.admin, "后提交", Map.of("amount", 1)).id();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> created(later));
        assertThat(urged(early)).isFalse();

        release.countDown();
        slow.join();
        // found again by the next round (the poller's, at the latest)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> urged(early));
    }

    private static boolean urged(long ticketId) {
        return RECEIVED.stream().anyMatch(e -> e instanceof TicketEvent.TicketUrged && e.ticketId() == ticketId);
    }

    private static boolean created(long ticketId) {
        return RECEIVED.stream().anyMatch(e -> e instanceof TicketEvent.TicketCreated && e.ticketId() == ticketId);
    }

    /** Failed deliveries of the ticket's creation row (-1 once it is delivered). */
    private int attempts(long ticketId) {
        Integer attempts = this.db
                .select(TICKET_OUTBOX.ATTEMPTS)
                .from(TICKET_OUTBOX)
                .where(TICKET_OUTBOX.TICKET_ID.eq(ticketId))
                .orderBy(TICKET_OUTBOX.ID)
                .limit(1)
                .fetchOne(TICKET_OUTBOX.ATTEMPTS);
        return attempts == null ? -1 : attempts;
    }
}
