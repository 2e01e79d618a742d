package dev.baton.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jspecify.annotations.Nullable;

/**
 * Counts the SQL statements the application sends while a measurement runs (reported by {@link JdbcCounter}, which
 * sees every statement, whether jOOQ sent it or not): those of the driving thread by the label it set
 * ({@code create}, {@code query}, {@code accept}…), and those of every other thread (the event relay) as
 * {@value #BACKGROUND}. Rows written are what the driver reported for each DML statement (for DML with a
 * {@code RETURNING} clause, the rows returned); transaction control (BEGIN / COMMIT) is not counted, as in the
 * baseline. As a jOOQ listener it also times jOOQ's own work around the statements it sends.
 */
final class StatementCounter implements ExecuteListener {

    static final String BACKGROUND = "relay";
    private static final ThreadLocal<@Nullable String> LABEL = new ThreadLocal<>();

    private volatile @Nullable Counts current;

    /** Names what the calling thread does next (null: nothing worth counting). */
    static void label(@Nullable String label) {
        LABEL.set(label);
    }

    Counts start(Thread driver, boolean log) {
        Counts c = new Counts(driver, log);
        this.current = c;
        return c;
    }

    void stopLogging() {
        Counts c = this.current;
        if (c != null) {
            c.logging = false;
        }
    }

    void stop() {
        this.current = null;
    }

    // ---- time spent in SQL by the driver threads (bench-*), for the lifecycle phase's breakdown

    private volatile boolean timing;
    final LongAdder executeNanos = new LongAdder();
    final LongAdder jooqNanos = new LongAdder();
    final LongAdder timedStatements = new LongAdder();
    final LongAdder commitNanos = new LongAdder();
    final LongAdder commits = new LongAdder();

    void timing(boolean on) {
        if (on) {
            this.executeNanos.reset();
            this.jooqNanos.reset();
            this.jooqExecuteNanos.reset();
            this.timedStatements.reset();
            this.commitNanos.reset();
            this.commits.reset();
        }
        this.timing = on;
    }

    boolean timing() {
        return this.timing && Thread.currentThread().getName().startsWith("bench-");
    }

    // jOOQ's own time around the statements it sends (rendering, binding, fetching); their JDBC time is the
    // JDBC counter's
    final LongAdder jooqExecuteNanos = new LongAdder();

    @Override
    public void start(ExecuteContext ctx) {
        if (timing()) {
            ctx.data("bench.start", System.nanoTime());
        }
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        if (timing()) {
            ctx.data("bench.execute", System.nanoTime());
        }
    }

    @Override
    public void executeEnd(ExecuteContext ctx) {
        if (ctx.data("bench.execute") instanceof Long t0) {
            this.jooqExecuteNanos.add(System.nanoTime() - t0);
        }
    }

    @Override
    public void end(ExecuteContext ctx) {
        if (ctx.data("bench.start") instanceof Long t0) {
            this.jooqNanos.add(System.nanoTime() - t0);
        }
    }

    /**
     * A statement the application sent (seen by {@link JdbcCounter}); the statements of one JDBC batch are one
     * round trip, counted with the first.
     */
    void statement(String sql, int rows, long nanos, boolean timed, boolean roundTrip) {
        if (timed && roundTrip) {
            this.executeNanos.add(nanos);
            this.timedStatements.increment();
        }
        Counts c = this.current;
        if (c == null) {
            return;
        }
        boolean driver = Thread.currentThread() == c.driver;
        String label = driver ? LABEL.get() : BACKGROUND;
        if (label == null) {
            label = "other";
        }
        if (roundTrip) {
            c.roundTrip(label);
        }
        count(c, label, driver, sql, kind(sql).equals("select") ? 0 : rows, "");
    }

    /** A commit or rollback the application sent: a round trip that is not a statement. */
    void commit() {
        Counts c = this.current;
        if (c == null) {
            return;
        }
        boolean driver = Thread.currentThread() == c.driver;
        String label = driver ? LABEL.get() : BACKGROUND;
        c.commit(label == null ? "other" : label);
    }

    private static void count(Counts c, String label, boolean driver, String sql, int rows, String prefix) {
        String kind = kind(sql);
        c.add(label, kind, kind.equals("select") ? 0 : rows, driver);
        if (c.logging) {
            c.log.add(String.format(
                    "%-8s %s%-6s rows=%d  %s",
                    label, prefix, kind, rows, sql.length() > 150 ? sql.substring(0, 150) + "…" : sql));
        }
    }

    private static String kind(String sql) {
        String k = sql.stripLeading().toLowerCase(Locale.ROOT);
        for (String prefix : List.of("insert", "update", "delete", "merge", "select", "with")) {
            if (k.startsWith(prefix)) {
                return prefix.equals("with") ? "select" : prefix;
            }
        }
        return "other";
    }

    /** One measurement's counts. */
    static final class Counts {

        final Thread driver;
        volatile boolean logging;
        final List<String> log = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, AtomicLong> statements = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> rows = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> kinds = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

        Counts(Thread driver, boolean logging) {
            this.driver = driver;
            this.logging = logging;
        }

        private final Map<String, AtomicLong> roundTrips = new ConcurrentHashMap<>();

        void roundTrip(String label) {
            this.roundTrips.computeIfAbsent(label, k -> new AtomicLong()).incrementAndGet();
        }

        /** Statements (or batches of them) sent by the driving thread: one network round trip each. */
        long roundTrips() {
            return this.roundTrips.entrySet().stream()
                    .filter(e -> !e.getKey().equals(BACKGROUND))
                    .mapToLong(e -> e.getValue().get())
                    .sum();
        }

        private final Map<String, AtomicLong> commits = new ConcurrentHashMap<>();

        void commit(String label) {
            this.commits.computeIfAbsent(label, k -> new AtomicLong()).incrementAndGet();
        }

        /** Commits (and rollbacks) sent by the driving thread. */
        long commits() {
            return this.commits.entrySet().stream()
                    .filter(e -> !e.getKey().equals(BACKGROUND))
                    .mapToLong(e -> e.getValue().get())
                    .sum();
        }

        long commits(String label) {
            AtomicLong v = this.commits.get(label);
            return v == null ? 0 : v.get();
        }

        long roundTrips(String label) {
            AtomicLong v = this.roundTrips.get(label);
            return v == null ? 0 : v.get();
        }

        void add(String label, String kind, int rowCount, boolean driver) {
            this.statements.computeIfAbsent(label, k -> new AtomicLong()).incrementAndGet();
            this.rows.computeIfAbsent(label, k -> new AtomicLong()).addAndGet(rowCount);
            if (driver) {
                this.kinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            }
        }

        /** Statements of the driving thread. */
        long total() {
            return this.statements.entrySet().stream()
                    .filter(e -> !e.getKey().equals(BACKGROUND))
                    .mapToLong(e -> e.getValue().get())
                    .sum();
        }

        long background() {
            return statements(BACKGROUND);
        }

        long statements(String label) {
            AtomicLong v = this.statements.get(label);
            return v == null ? 0 : v.get();
        }

        long rows(String label) {
            AtomicLong v = this.rows.get(label);
            return v == null ? 0 : v.get();
        }

        long kind(String kind) {
            AtomicLong v = this.kinds.get(kind);
            return v == null ? 0 : v.get();
        }

        /** How many service calls ran under the label (counted by the driver, see {@link #call}). */
        long calls(String label) {
            AtomicLong v = this.calls.get(label);
            return v == null ? 0 : v.get();
        }

        void call(String label) {
            this.calls.computeIfAbsent(label, k -> new AtomicLong()).incrementAndGet();
        }

        List<String> log() {
            synchronized (this.log) {
                return List.copyOf(this.log);
            }
        }
    }

    /** Labels the next service call of this thread and counts it in the current measurement. */
    void call(String label) {
        LABEL.set(label);
        Counts c = this.current;
        if (c != null && Thread.currentThread() == c.driver) {
            c.call(label);
        }
    }
}
