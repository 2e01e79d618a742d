package dev.baton.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import dev.baton.sla.internal.BenchTimers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * N timers due at one instant on PostgreSQL, fired by Baton's own db-scheduler configuration
 * ({@code TimerConfig.build}, through {@link BenchTimers}): how fast they fire and how late.
 *
 * <pre>
 * java -cp … dev.baton.bench.TimerBench [--timers 100000] [--threads 4] [--poll-ms P] [--lead-ms 15000]
 *      [--db-write false] [--host 127.0.0.1] [--user postgres] [--database baton_timer_bench] [--keep false]
 * </pre>
 *
 * <p>It creates the database afresh (via {@code postgres}), runs Baton's Flyway migrations, inserts N executions
 * of a bench task due at T = now + lead in one transaction (the row db-scheduler itself writes: not picked,
 * version 1), then starts the scheduler, which is polling when T comes. The handler records its fire time in
 * memory ({@code --db-write true}: also inserts one row per timer, in autocommit, as a cheap real handler would).
 * Lateness is the handler's start minus T. Prints ONE JSON line; everything else goes to stderr.
 */
public final class TimerBench {

    private TimerBench() {}

    public static void main(String[] argv) throws Exception {
        java.io.PrintStream result = System.out;
        System.setOut(System.err);
        // without a logback file the default is DEBUG, a line per execution: that would be the bench's work
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        Map<String, String> a = Json.parseArgs(argv);
        int timers = Integer.parseInt(a.getOrDefault("timers", "100000"));
        int threads = Integer.parseInt(a.getOrDefault("threads", String.valueOf(BenchTimers.defaultThreads())));
        Duration poll = a.containsKey("poll-ms")
                ? Duration.ofMillis(Long.parseLong(a.get("poll-ms")))
                : BenchTimers.defaultPollInterval();
        long leadMs = Long.parseLong(a.getOrDefault("lead-ms", "15000"));
        boolean dbWrite = Boolean.parseBoolean(a.getOrDefault("db-write", "false"));
        String host = a.getOrDefault("host", "127.0.0.1");
        String user = a.getOrDefault("user", "postgres");
        String database = a.getOrDefault("database", "baton_timer_bench");
        boolean keep = Boolean.parseBoolean(a.getOrDefault("keep", "false"));
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("--database must be a plain lower-case name: " + database);
        }
        String admin = "jdbc:postgresql://" + host + ":5432/postgres";

        recreate(admin, user, database);
        Map<String, Object> out = new LinkedHashMap<>();
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl("jdbc:postgresql://" + host + ":5432/" + database);
            ds.setUsername(user);
            ds.setPassword("");
            // the application's default pool (BATON_DB_POOL_SIZE)
            ds.setMaximumPoolSize(10);
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                    .load()
                    .migrate();
            if (dbWrite) {
                try (Connection c = ds.getConnection();
                        Statement s = c.createStatement()) {
                    s.execute("create table bench_timer_fired (instance varchar(200) primary key,"
                            + " fired_at timestamp with time zone not null)");
                }
            }
            out = run(ds, timers, threads, poll, leadMs, dbWrite);
        } finally {
            if (!keep) {
                drop(admin, user, database);
            }
        }
        result.println(Json.write(out));
    }

    private static Map<String, Object> run(
            DataSource ds, int timers, int threads, Duration poll, long leadMs, boolean dbWrite) throws Exception {
        AtomicLongArray fired = new AtomicLongArray(timers);
        AtomicInteger count = new AtomicInteger();
        AtomicInteger repeats = new AtomicInteger();
        OneTimeTask<Void> task = Tasks.oneTime("bench-timer").execute((instance, context) -> {
            long now = System.nanoTime();
            int i = Integer.parseInt(instance.getId());
            if (!fired.compareAndSet(i, 0, now)) {
                repeats.incrementAndGet();
                return;
            }
            if (dbWrite) {
                record(ds, instance.getId());
            }
            count.incrementAndGet();
        });

        // one clock reading anchors nanoTime to the wall clock the scheduler and the rows use
        Clock clock = Clock.systemUTC();
        long nano0 = System.nanoTime();
        Instant wall0 = clock.instant();
        Instant due = wall0.plusMillis(leadMs);
        long dueNano = nano0 + Duration.between(wall0, due).toNanos();

        long insert0 = System.nanoTime();
        insert(ds, timers, due);
        double insertS = (System.nanoTime() - insert0) / 1e9;
        System.err.printf(
                "timer bench: %,d executions inserted in %.1f s, due in %.1f s%n",
                timers, insertS, (dueNano - System.nanoTime()) / 1e9);

        Scheduler scheduler = BenchTimers.build(ds, clock, poll, threads, "bench-node", task);
        scheduler.start();
        long started = System.nanoTime();
        if (started > dueNano - TimeUnit.MILLISECONDS.toNanos(500)) {
            scheduler.stop();
            throw new IllegalStateException("the scheduler started less than 0.5 s before the timers fell due:"
                    + " raise --lead-ms (the insert took " + insertS + " s)");
        }
        // CPU from the due time on: this JVM, this database's backends (PostgreSQL on this machine), all cores
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        while (System.nanoTime() < dueNano) {
            Thread.sleep(1);
        }
        long jvm0 = os.getProcessCpuTime();
        Map<Long, Long> pg0 = backendTicks(ds);
        long[] machine0 = machineTicks();
        long deadline = dueNano + TimeUnit.SECONDS.toNanos(Math.max(120, timers / 100));
        while (count.get() < timers && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long end = System.nanoTime();
        long jvmNs = os.getProcessCpuTime() - jvm0;
        Map<Long, Long> pg1 = backendTicks(ds);
        long[] machine1 = machineTicks();
        scheduler.stop();
        long pgTicks = 0;
        for (var e : pg1.entrySet()) {
            pgTicks += e.getValue() - pg0.getOrDefault(e.getKey(), 0L);
        }
        int done = count.get();
        long left = remaining(ds);

        long[] late = new long[done];
        long last = Long.MIN_VALUE;
        long first = Long.MAX_VALUE;
        int early = 0;
        for (int i = 0, j = 0; i < timers; i++) {
            long f = fired.get(i);
            if (f != 0) {
                late[j++] = f - dueNano;
                last = Math.max(last, f);
                first = Math.min(first, f);
                early += f < dueNano ? 1 : 0;
            }
        }
        Arrays.sort(late);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bench", "timers");
        m.put("database", "postgresql");
        m.put("timers", timers);
        m.put("fired", done);
        m.put("fired_twice", repeats.get());
        m.put("fired_early", early);
        m.put("executions_left", left);
        m.put("completed", done == timers && left == 0);
        double spanS = done == 0 ? Double.NaN : (last - dueNano) / 1e9;
        m.put("rate_per_s", Json.round(done / spanS));
        m.put("rate_first_to_last_per_s", Json.round(done / ((last - first) / 1e9)));
        m.put("span_s", Json.round(spanS));
        m.put("first_late_ms", done == 0 ? null : Json.round((first - dueNano) / 1e6));
        m.put("late_p50_ms", pct(late, 0.50));
        m.put("late_p99_ms", pct(late, 0.99));
        m.put("late_max_ms", pct(late, 1.0));
        m.put("threads", threads);
        m.put("poll_interval_ms", poll.toMillis());
        m.put("handler", dbWrite ? "memory + one insert per timer (autocommit)" : "memory only");
        m.put("insert_s", Json.round(insertS));
        m.put("waited_s", Json.round((end - dueNano) / 1e9));
        double perTimer = Math.max(1, done);
        m.put("jvm_cpu_ms_per_timer", Json.round3(jvmNs / 1e6 / perTimer));
        m.put("pg_cpu_ms_per_timer", Json.round3(pgTicks * 10.0 / perTimer));
        long busy = machine1[0] - machine0[0];
        long all = machine1[1] - machine0[1];
        m.put("machine_busy", all == 0 ? null : Json.round((double) busy / all));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("load_average", loadAverage());
        return m;
    }

    private static void insert(DataSource ds, int timers, Instant due) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement p = c.prepareStatement("insert into scheduled_tasks"
                        + " (task_name, task_instance, task_data, execution_time, picked, version, priority)"
                        + " values ('bench-timer', ?, null, ?, false, 1, 0)")) {
            c.setAutoCommit(false);
            Timestamp at = Timestamp.from(due);
            for (int i = 0; i < timers; i++) {
                p.setString(1, Integer.toString(i));
                p.setTimestamp(2, at);
                p.addBatch();
                if (i % 1000 == 999) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("analyze scheduled_tasks");
            }
        }
    }

    private static void record(DataSource ds, String instance) {
        try (Connection c = ds.getConnection();
                PreparedStatement p =
                        c.prepareStatement("insert into bench_timer_fired (instance, fired_at) values (?, now())")) {
            p.setString(1, instance);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long remaining(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from scheduled_tasks where task_name = 'bench-timer'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Object pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return null;
        }
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return Json.round(sorted[i] / 1e6);
    }

    /** utime + stime (1/100 s) of this database's backends, by pid; empty when they are not on this machine. */
    private static Map<Long, Long> backendTicks(DataSource ds) throws SQLException {
        Map<Long, Long> ticks = new java.util.HashMap<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select pid from pg_stat_activity where datname = current_database()")) {
            while (r.next()) {
                long pid = r.getLong(1);
                try {
                    String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (java.io.IOException | RuntimeException e) {
                    // another machine's server, or a backend that just ended
                }
            }
        }
        return ticks;
    }

    /** Busy and total jiffies of all cores (/proc/stat), to show what else the machine was doing. */
    private static long[] machineTicks() {
        try {
            String[] f = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
                    .get(0)
                    .trim()
                    .split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (java.io.IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static void recreate(String admin, String user, String database) throws SQLException {
        drop(admin, user, database);
        try (Connection c = DriverManager.getConnection(admin, user, "");
                Statement s = c.createStatement()) {
            s.execute("create database " + database);
        }
    }

    private static void drop(String admin, String user, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(admin, user, "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
        }
    }
}
