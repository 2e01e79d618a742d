package dev.baton.ticket;

import static dev.baton.platform.db.Tables.TICKET_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

class OutboxDeliveryIT extends TicketTest {

    /** Templates whose tickets' creation events make the listener below throw. */
    static final Set<Long> FAILING = ConcurrentHashMap.newKeySet();

    static final List<TicketEvent> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean LISTENING = new AtomicBoolean();

    @Autowired
    DSLContext db;

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

        // Once its retry is due, the failing row is claimed in the same round as the next ticket's row.
        this.clock.advance(Duration.ofSeconds(11));
        long fine = well.create(well.admin, "正常", Map.of("amount", 1)).id();

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> created(fine));
        assertThat(created(failing)).isFalse();
        assertThat(attempts(failing)).isGreaterThanOrEqualTo(1);

        FAILING.remove(sick.templateId);
        this.clock.advance(Duration.ofMinutes(5));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> created(failing));
        assertThat(this.db.fetchCount(TICKET_OUTBOX, TICKET_OUTBOX.TICKET_ID.eq(failing)))
                .isZero();
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
