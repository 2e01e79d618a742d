package dev.baton.bench;

import dev.baton.ticket.ActionRequest;
import dev.baton.ticket.TicketAction;
import dev.baton.ticket.TicketView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The baseline's optional timer phase ({@code --timers N}) for Baton: N more tickets parked at {@code resolve}
 * (each with its 4-hour node SLA), then every SLA moment made due at once, and how fast the nodes' SLA pollers
 * ({@code SlaDue}) fire them. The baseline rewrites its timer jobs' due dates; Baton's moments are computed from
 * each ticket's history on the business calendar, so here the application's clock is moved past the last of them
 * instead — every "now" Baton reads comes from its {@link Clock} bean, which the bench makes movable.
 */
final class SlaBurst {

    /** The application's clock, moved forward on demand. */
    static final class MovableClock extends Clock {

        private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
        private volatile Clock base = Clock.systemUTC();

        void moveBy(Duration d) {
            this.offset.updateAndGet(o -> o.plus(d));
        }

        @Override
        public Instant instant() {
            return this.base.instant().plus(this.offset.get());
        }

        @Override
        public ZoneId getZone() {
            return this.base.getZone();
        }

        /** The same moving instant in another zone. */
        @Override
        public Clock withZone(ZoneId zone) {
            MovableClock self = this;
            return new Clock() {
                @Override
                public Instant instant() {
                    return self.instant();
                }

                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return self.withZone(other);
                }
            };
        }

        /** Puts itself in place of the application's {@code clock} bean. */
        BeanPostProcessor installer() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof Clock c && !(bean instanceof MovableClock)) {
                        MovableClock.this.base = c;
                        return MovableClock.this;
                    }
                    return bean;
                }
            };
        }
    }

    private SlaBurst() {}

    static Map<String, Object> run(EngineBench b, int threads, int n, DSLContext db, long tenantId, MovableClock clock)
            throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        AtomicInteger left = new AtomicInteger(n);
        long p0 = System.nanoTime();
        Driver.Phase park = Driver.run(threads, 3600, (s, r, i) -> {
            if (left.getAndDecrement() <= 0) {
                throw new Driver.StopPhase();
            }
            EngineBench.Actors who = b.actors.get(i);
            TicketView t =
                    b.tickets.create(who.agent(), b.newTicket(1000, r), null).ticket();
            b.tickets.act(who.agent(), t.id(), TicketAction.SUBMIT, ActionRequest.at(t.version()));
            s.ops++;
        });
        m.put("parked", park.total().ops);
        m.put("park_s", Json.round((System.nanoTime() - p0) / 1e9));
        m.put("park_errors", park.total().errors);

        // the SLA module follows tickets after their transactions commit: wait until it has seen them all
        long timers = settle(() -> pending(db, tenantId, null));
        m.put("timers", timers); // the parked ones and the backlog's half at resolve
        long firings0 = firings(db, tenantId);
        Instant last = db.fetchOne(
                        "select max(due_at) from sla_tickets where tenant_id = ? and closed_at is null", tenantId)
                .get(0, Instant.class);
        Instant now = clock.instant();
        Instant target = last.plusSeconds(1);
        EngineBench.Cpu cpu0 = EngineBench.Cpu.now();
        clock.moveBy(Duration.between(now, target));
        long t0 = System.nanoTime();
        long first = 0;
        long remaining = timers;
        while (remaining > 0 && System.nanoTime() - t0 < 600e9) {
            Thread.sleep(50);
            remaining = pending(db, tenantId, target);
            if (first == 0 && remaining < timers) {
                first = System.nanoTime();
            }
        }
        long end = System.nanoTime();
        EngineBench.Cpu cpu1 = EngineBench.Cpu.now();
        long fired = firings(db, tenantId) - firings0;
        m.put("remaining", remaining);
        m.put("fired", fired);
        m.put("first_fire_after_ms", Json.round((first - t0) / 1e6));
        m.put("drain_seconds", Json.round((end - first) / 1e9));
        m.put("fired_per_sec", Json.round(fired / ((end - first) / 1e9)));
        m.put("cpu_per_timer_ms", cpu1.minus(cpu0, Math.max(1, fired)));
        return m;
    }

    /** Open tickets with an SLA moment (due by {@code at}, or at all when null). */
    private static long pending(DSLContext db, long tenantId, Instant at) {
        String sql =
                "select count(*) from sla_tickets where tenant_id = ? and closed_at is null and due_at is not null";
        return at == null
                ? db.fetchOne(sql, tenantId).get(0, Long.class)
                : db.fetchOne(sql + " and due_at <= ?::timestamptz", tenantId, at.toString())
                        .get(0, Long.class);
    }

    private static long firings(DSLContext db, long tenantId) {
        return db.fetchOne("select count(*) from sla_firings where tenant_id = ?", tenantId)
                .get(0, Long.class);
    }

    /** Reads until two reads 200 ms apart agree. */
    private static long settle(java.util.function.LongSupplier read) throws InterruptedException {
        long before = read.getAsLong();
        while (true) {
            Thread.sleep(200);
            long now = read.getAsLong();
            if (now == before) {
                return now;
            }
            before = now;
        }
    }
}
