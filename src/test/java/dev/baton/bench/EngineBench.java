package dev.baton.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.baton.BatonApplication;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.PrincipalDirectory;
import dev.baton.support.Api;
import dev.baton.ticket.ActionRequest;
import dev.baton.ticket.NewTicket;
import dev.baton.ticket.TicketAction;
import dev.baton.ticket.TicketOperations;
import dev.baton.ticket.TicketView;
import dev.baton.ticket.internal.BenchInbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Baton's ticket engine under the Flowable baseline's workload ({@code bench/flowable-baseline}), through the
 * service API ({@link TicketOperations}) rather than HTTP, so both sides measure the engine and its database
 * work, not a web stack.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/bench-classpath.txt) dev.baton.bench.EngineBench
 *      (--jdbc URL [--user U] [--password P] | --h2 DIR) --threads N --seconds S [--warmup W]
 *      [--count-lifecycles K] [--backlog B] [--phases backlog,writes,warmup,start,inbox,lifecycle] [--log-lifecycle]
 *      [--schema-experiment FILE.sql] [--timers N]
 * </pre>
 *
 * <p>It boots the whole application (demo mode, a web server on a random port), sets a tenant up over HTTP as an
 * administrator would — departments, agents, supervisors, engineers, a template with a money field
 * {@code amount}, and the flow start → triage (task, role agent) → {@code fields.amount > 5000} ? approval (any
 * supervisor) → resolve (task, role engineer) → end — and then drives the measured phases in-process, acting as
 * those users ({@link PrincipalDirectory#findUser}, as the security filter does). Phases, in the baseline's
 * order, printed as ONE JSON line on stdout:
 *
 * <ol>
 *   <li>backlog: B open tickets (half at triage, half one step further), then ANALYZE (PostgreSQL);
 *   <li>writes: single thread, K lifecycles per path; client statements per lifecycle and per transition (counted
 *       at the JDBC level on the driving thread; the event relay's own statements separately), rows written
 *       (pg_stat_database) and WAL (pg_stat_wal, pg_current_wal_lsn) — PostgreSQL only;
 *   <li>warmup: N threads run lifecycles for W seconds (not reported);
 *   <li>start: N threads create tickets for S seconds;
 *   <li>inbox: an agent's "mine" queue: 5 × count, 100 × the newest 25;
 *   <li>lifecycle: N threads create a ticket, then for every open node: query (read the ticket), claim
 *       ({@code accept}; an approval has no claim), complete ({@code submit} / {@code approve}) until it is resolved;
 *   <li>(--timers N) N more tickets parked at {@code resolve}, every SLA moment made due at once, how fast they
 *       fire ({@link SlaBurst}).
 * </ol>
 */
public final class EngineBench {

    static final String TOKEN_SECRET = "bench-secret-bench-secret-bench-secret-0123456789";
    static final String PASSWORD = "Secret-123456";
    static final String[] PRIORITIES = {"low", "normal", "high", "urgent"};

    final TicketOperations tickets;
    final long templateId;
    final List<Actors> actors;
    final StatementCounter counter;

    /** The users one driver thread acts as. */
    record Actors(CurrentUser agent, CurrentUser supervisor, CurrentUser engineer) {}

    EngineBench(TicketOperations tickets, long templateId, List<Actors> actors, StatementCounter counter) {
        this.tickets = tickets;
        this.templateId = templateId;
        this.actors = actors;
        this.counter = counter;
    }

    public static void main(String[] argv) throws Exception {
        // stdout carries the one JSON line; the application's console log goes to stderr
        java.io.PrintStream result = System.out;
        System.setOut(System.err);
        Map<String, String> a = Json.parseArgs(argv);
        int threads = Integer.parseInt(a.getOrDefault("threads", "1"));
        double seconds = Double.parseDouble(a.getOrDefault("seconds", "30"));
        double warmup = Double.parseDouble(a.getOrDefault("warmup", "10"));
        int countLifecycles = Integer.parseInt(a.getOrDefault("count-lifecycles", "100"));
        int backlog = Integer.parseInt(a.getOrDefault("backlog", "10000"));
        int timers = Integer.parseInt(a.getOrDefault("timers", "0"));
        Set<String> phases = Set.of(a.getOrDefault("phases", "backlog,writes,warmup,start,inbox,lifecycle")
                .split(","));
        boolean logLifecycle = a.containsKey("log-lifecycle");
        int backlogThreads = Math.max(threads, 4);

        List<String> props = new ArrayList<>();
        String jdbc = a.get("jdbc");
        String user = a.getOrDefault("user", "postgres");
        String password = a.getOrDefault("password", "");
        Path dataDir;
        if (jdbc != null) {
            dataDir = Files.createTempDirectory("baton-bench-");
            props.add("--spring.datasource.url=" + jdbc);
            props.add("--spring.datasource.username=" + user);
            props.add("--spring.datasource.password=" + password);
        } else {
            // the default configuration: the embedded H2 file database under the data directory
            dataDir = Path.of(a.getOrDefault("h2", "target/bench-h2")).toAbsolutePath();
            deleteTree(dataDir);
            Files.createDirectories(dataDir);
        }
        props.add("--baton.data-dir=" + dataDir);
        props.add("--baton.demo=true");
        props.add("--baton.security.token-secret=" + TOKEN_SECRET);
        props.add("--server.port=0");
        props.add("--logging.level.root=WARN");
        // the baseline's pool: threads + 10
        props.add("--spring.datasource.hikari.maximum-pool-size=" + (backlogThreads + 10));

        StatementCounter counter = new StatementCounter();
        SlaBurst.MovableClock clock = new SlaBurst.MovableClock();
        SpringApplication app = new SpringApplication(BatonApplication.class);
        app.addInitializers(ctx -> {
            ctx.getBeanFactory()
                    .registerSingleton("benchStatementCounter", new DefaultExecuteListenerProvider(counter));
            ctx.getBeanFactory().registerSingleton("benchSkipTestConfiguration", new SkipTestConfiguration());
            ctx.getBeanFactory().addBeanPostProcessor(new CommitTimer(counter));
            ctx.getBeanFactory().addBeanPostProcessor(new JdbcCounter(counter));
            ctx.getBeanFactory().addBeanPostProcessor(clock.installer());
        });
        long boot0 = System.nanoTime();
        ConfigurableApplicationContext ctx = app.run(props.toArray(String[]::new));
        double bootMs = (System.nanoTime() - boot0) / 1e6;

        Map<String, Object> out = new LinkedHashMap<>();
        try {
            DataSource ds = ctx.getBean(DataSource.class);
            String product;
            try (Connection c = ds.getConnection()) {
                product = c.getMetaData().getDatabaseProductName() + " "
                        + c.getMetaData().getDatabaseProductVersion();
                if (jdbc == null) {
                    jdbc = c.getMetaData().getURL();
                }
            }
            boolean pg = product.toLowerCase(Locale.ROOT).contains("postgres");
            out.put("engine", "baton");
            out.put("db", product);
            out.put("jdbc", jdbc);
            out.put("java", System.getProperty("java.version"));
            out.put("cpus", Runtime.getRuntime().availableProcessors());
            out.put("threads", threads);
            out.put("seconds", seconds);
            out.put("engine_boot_ms", Json.round(bootMs));

            int port = Integer.parseInt(ctx.getEnvironment().getRequiredProperty("local.server.port"));
            long setup0 = System.nanoTime();
            Setup setup = Setup.run(new Api("http://localhost:" + port), backlogThreads);
            PrincipalDirectory principals = ctx.getBean(PrincipalDirectory.class);
            List<Actors> actors = new ArrayList<>();
            for (long[] ids : setup.actorIds()) {
                actors.add(new Actors(
                        principals.findUser(setup.tenantId(), ids[0]).orElseThrow(),
                        principals.findUser(setup.tenantId(), ids[1]).orElseThrow(),
                        principals.findUser(setup.tenantId(), ids[2]).orElseThrow()));
            }
            customers(ctx.getBean(DSLContext.class), setup.tenantId());
            out.put("setup_ms", Json.round((System.nanoTime() - setup0) / 1e6));
            // a schema idea tried without a migration (e.g. fillfactor, an index dropped), before the backlog
            if (a.containsKey("schema-experiment")) {
                String ddl = Files.readString(Path.of(a.get("schema-experiment")));
                DSLContext db = ctx.getBean(DSLContext.class);
                for (String statement : ddl.split(";")) {
                    if (!statement.isBlank()) {
                        db.execute(statement);
                    }
                }
                out.put("schema_experiment", ddl.strip().replaceAll("\\s+", " "));
            }
            EngineBench b = new EngineBench(ctx.getBean(TicketOperations.class), setup.templateId(), actors, counter);

            // 0. a backlog of open tickets, then fresh planner statistics
            if (phases.contains("backlog") && backlog > 0) {
                long t0 = System.nanoTime();
                AtomicInteger left = new AtomicInteger(backlog);
                Driver.Phase fill = Driver.run(backlogThreads, 3600, (s, r, i) -> {
                    int n = left.getAndDecrement();
                    if (n <= 0) {
                        throw new Driver.StopPhase();
                    }
                    Actors who = b.actors.get(i);
                    TicketView t = b.tickets
                            .create(who.agent(), b.newTicket(r.nextInt(10_000), r), null)
                            .ticket();
                    if (n % 2 == 0) {
                        b.tickets.act(who.agent(), t.id(), TicketAction.SUBMIT, ActionRequest.at(t.version()));
                    }
                });
                out.put("backlog_open_tickets", backlog);
                out.put("backlog_fill_s", Json.round((System.nanoTime() - t0) / 1e9));
                out.put("backlog_errors", fill.total().errors);
            }
            if (pg) {
                ctx.getBean(DSLContext.class).execute("analyze");
            }

            // 1. statements / rows / WAL per lifecycle and per transition (single thread, nothing else running)
            if (phases.contains("writes") && countLifecycles > 0 && pg) {
                Writes w = new Writes(
                        b, ds.unwrap(HikariDataSource.class), jdbc, user, password, ctx.getBean(DSLContext.class));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("statement_source", "jdbc_counter");
                m.put("lifecycles_per_path", countLifecycles);
                m.put("short_path", w.measure(countLifecycles, 1000, logLifecycle));
                m.put("approval_path", w.measure(countLifecycles, 9000, logLifecycle));
                out.put("writes_per_lifecycle", m);
            }

            // 2. warmup (JIT, pool, caches)
            if (phases.contains("warmup") && warmup > 0) {
                Driver.run(threads, warmup, (s, r, i) -> b.lifecycle(s, i, r.nextInt(10_000)));
            }

            // 3. creation throughput
            if (phases.contains("start")) {
                Driver.Phase start = Driver.run(threads, seconds, (s, r, i) -> {
                    long t0 = System.nanoTime();
                    b.tickets.create(b.actors.get(i).agent(), b.newTicket(r.nextInt(10_000), r), null);
                    s.start.add(System.nanoTime() - t0);
                    s.ops++;
                });
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("instances", start.total().ops);
                sm.put("per_sec", Json.round(start.total().ops / start.elapsedSec()));
                Json.putLatency(sm, "start", start.total().start);
                sm.put("errors", start.total().errors);
                out.put("start", sm);
            }

            // 4. an agent's inbox over the backlog the start phase left behind
            if (phases.contains("inbox")) {
                out.put("inbox_query", b.inbox(new BenchInbox(ctx), 100));
            }

            // 5. full lifecycles and task-completion latency
            if (phases.contains("lifecycle")) {
                counter.timing(true);
                Cpu cpu0 = Cpu.now();
                Driver.Phase life = Driver.run(threads, seconds, (s, r, i) -> b.lifecycle(s, i, r.nextInt(10_000)));
                Cpu cpu1 = Cpu.now();
                counter.timing(false);
                Map<String, Object> lm = new LinkedHashMap<>();
                Driver.Stats t = life.total();
                lm.put("lifecycles", t.ops);
                lm.put("per_sec", Json.round(t.ops / life.elapsedSec()));
                lm.put("tasks_completed", t.tasks);
                lm.put("tasks_per_sec", Json.round(t.tasks / life.elapsedSec()));
                lm.put("approval_share", t.ops == 0 ? 0 : Json.round((double) t.approvals / t.ops));
                Json.putLatency(lm, "lifecycle", t.lifecycle);
                Json.putLatency(lm, "start", t.start);
                Json.putLatency(lm, "task_query", t.query);
                Json.putLatency(lm, "task_claim", t.claim);
                Json.putLatency(lm, "task_complete", t.complete);
                lm.put("errors", t.errors);
                lm.put("time_per_lifecycle_ms", b.timeBreakdown(t, threads * life.elapsedSec()));
                lm.put("cpu_per_lifecycle_ms", cpu1.minus(cpu0, t.ops));
                out.put("lifecycle", lm);
            }
            // 6. (--timers N) N more tickets parked at resolve, every SLA moment due at once, fired how fast;
            // last, because it moves the application's clock on
            if (timers > 0) {
                out.put(
                        "sla_timer_burst",
                        SlaBurst.run(
                                b, backlogThreads, timers, ctx.getBean(DSLContext.class), setup.tenantId(), clock));
            }
            if (Driver.firstError != null) {
                out.put("first_error", String.valueOf(Driver.firstError));
            }
        } finally {
            ctx.close();
        }
        result.println(Json.write(out));
        result.flush();
        System.exit(0);
    }

    NewTicket newTicket(int amount, java.util.concurrent.ThreadLocalRandom r) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("amount", amount);
        return new NewTicket(
                this.templateId,
                "空调漏水",
                null,
                new HashMap<>(fields),
                (long) r.nextInt(100_000),
                "web",
                PRIORITIES[r.nextInt(PRIORITIES.length)],
                null,
                null);
    }

    /**
     * One ticket from creation to resolution, by thread {@code i}'s users: create as the agent, then for every
     * open node read the ticket (the query), accept it (the claim) and submit it, or approve it as the supervisor.
     */
    void lifecycle(Driver.Stats s, int i, int amount) {
        Actors who = this.actors.get(i);
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long t0 = System.nanoTime();
        this.counter.call("create");
        long id = this.tickets
                .create(who.agent(), newTicket(amount, r), null)
                .ticket()
                .id();
        long t = System.nanoTime();
        s.start.add(t - t0);
        while (true) {
            this.counter.call("query");
            TicketView view = this.tickets.get(who.agent(), id);
            long tq = System.nanoTime();
            s.query.add(tq - t);
            if (view.nodes().isEmpty()) {
                throw new IllegalStateException("ticket " + id + " waits nowhere: " + view.status());
            }
            String node = view.nodes().getFirst().nodeId();
            int version = view.version();
            TicketView after;
            long tc;
            if (node.equals("approval")) {
                tc = tq; // an approval is decided directly; there is nothing to claim
                this.counter.call("approve");
                after = this.tickets.act(who.supervisor(), id, TicketAction.APPROVE, ActionRequest.at(version));
                s.approvals++;
            } else {
                CurrentUser handler = node.equals("triage") ? who.agent() : who.engineer();
                this.counter.call("accept");
                this.tickets.act(handler, id, TicketAction.ACCEPT, ActionRequest.at(version));
                tc = System.nanoTime();
                s.claim.add(tc - tq);
                this.counter.call("submit");
                after = this.tickets.act(handler, id, TicketAction.SUBMIT, ActionRequest.at(version + 1));
            }
            StatementCounter.label(null);
            t = System.nanoTime();
            s.complete.add(t - tc);
            s.tasks++;
            if (after.nodes().isEmpty()) {
                if (!after.status().equals("resolved")) {
                    throw new IllegalStateException("ticket " + id + " ended " + after.status());
                }
                break;
            }
        }
        s.lifecycle.add(System.nanoTime() - t0);
        s.ops++;
    }

    /**
     * Where a lifecycle's time goes on the driver threads: SQL round trips (JDBC execute), jOOQ around them
     * (rendering, binding, fetching), commits, and the rest (engine code, connection and transaction handling).
     */
    Map<String, Object> timeBreakdown(Driver.Stats t, double threadSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (t.ops == 0) {
            return m;
        }
        double n = t.ops;
        double wall = threadSeconds * 1e3 / n;
        double execute = this.counter.executeNanos.sum() / 1e6 / n;
        double jooq = (this.counter.jooqNanos.sum() - this.counter.jooqExecuteNanos.sum()) / 1e6 / n;
        double commit = this.counter.commitNanos.sum() / 1e6 / n;
        m.put("total", Json.round(wall));
        m.put("sql_round_trips", Json.round(this.counter.timedStatements.sum() / n));
        m.put("sql_execute", Json.round(execute));
        m.put("jooq_render_bind_fetch", Json.round(jooq));
        m.put("commits", Json.round(this.counter.commits.sum() / n));
        m.put("commit", Json.round(commit));
        m.put("engine_and_other", Json.round(wall - execute - jooq - commit));
        return m;
    }

    Map<String, Object> inbox(BenchInbox inbox, int n) {
        CurrentUser agent = this.actors.getFirst().agent();
        Map<String, Object> m = new LinkedHashMap<>();
        Driver.Samples cnt = new Driver.Samples();
        long open = 0;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            open = inbox.mine(agent, 1).total();
            cnt.add(System.nanoTime() - t0);
        }
        m.put("open_triage_tasks", open);
        m.put("count_p50_ms", Json.round(cnt.pctMs(0.5)));
        m.put("count_max_ms", Json.round(cnt.pctMs(1.0)));
        Driver.Samples lat = new Driver.Samples();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            inbox.mine(agent, 25);
            lat.add(System.nanoTime() - t0);
        }
        m.put("query", "queue=mine of an agent (role agent, candidate of triage), newest 25, with the total");
        Json.putLatency(m, "query", lat);
        return m;
    }

    // ---------------------------------------------------------------- write accounting (PostgreSQL)

    /** Statements, rows and WAL of K lifecycles on one thread. */
    record Writes(EngineBench b, HikariDataSource ds, String jdbc, String user, String password, DSLContext db) {

        static final String DB_SQL = "select xact_commit, tup_inserted, tup_updated, tup_deleted"
                + " from pg_stat_database where datname = current_database()";
        static final String WAL_SQL = "select wal_records, wal_fpi, wal_bytes::bigint from pg_stat_wal";
        static final String LSN_SQL = "select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint";

        Map<String, Object> measure(int n, int amount, boolean logAll) throws Exception {
            try (Connection c = DriverManager.getConnection(this.jdbc, this.user, this.password)) {
                c.setAutoCommit(true);
                boolean walInspect = walInspect(c);
                drainOutbox(c);
                flush();
                long[] db0 = longs(c, DB_SQL);
                long[] wal0 = longs(c, WAL_SQL);
                long lsn0 = longs(c, LSN_SQL)[0];
                String lsnText0 = text(c, "select pg_current_wal_lsn()::text");

                Driver.Stats s = new Driver.Stats();
                StatementCounter.Counts counts = this.b.counter.start(Thread.currentThread(), true);
                for (int i = 0; i < n; i++) {
                    this.b.lifecycle(s, 0, amount);
                    if (i == 0) {
                        this.b.counter.stopLogging();
                    }
                }
                drainOutbox(c);
                this.b.counter.stop();
                flush();
                long[] db1 = longs(c, DB_SQL);
                long[] wal1 = longs(c, WAL_SQL);
                long lsn1 = longs(c, LSN_SQL)[0];
                String lsnText1 = text(c, "select pg_current_wal_lsn()::text");

                System.err.printf(
                        "-- Baton: client statements of one lifecycle (amount=%d), then the event relay's%n", amount);
                counts.log().forEach(line -> System.err.println("   " + line));

                long writes = counts.calls("create")
                        + counts.calls("accept")
                        + counts.calls("submit")
                        + counts.calls("approve");
                double transitions = writes / (double) n;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("amount", amount);
                m.put("user_tasks", s.tasks / (double) n);
                m.put("transitions", Json.round(transitions));
                // JDBC commits (and rollbacks) of the driving thread, as the baseline counts them; a statement in
                // autocommit needs none
                m.put("transactions", per(counts.commits(), n));
                m.put("statements", per(counts.total(), n));
                m.put("write_statements", per(counts.total() - counts.statements("query"), n));
                // statements and batches sent, plus the commits
                m.put("round_trips", per(counts.roundTrips() + counts.commits(), n));
                m.put("insert_stmts", per(counts.kind("insert"), n));
                m.put("update_stmts", per(counts.kind("update"), n));
                m.put("delete_stmts", per(counts.kind("delete"), n));
                m.put("select_stmts", per(counts.kind("select"), n));
                m.put("relay_statements", per(counts.background(), n));
                long rows = db1[1] - db0[1] + db1[2] - db0[2] + db1[3] - db0[3];
                m.put("db_xact_commit", per(db1[0] - db0[0], n));
                m.put("db_tup_inserted", per(db1[1] - db0[1], n));
                m.put("db_tup_updated", per(db1[2] - db0[2], n));
                m.put("db_tup_deleted", per(db1[3] - db0[3], n));
                m.put("rows_written", per(rows, n));
                m.put("wal_records", per(wal1[0] - wal0[0], n));
                m.put("wal_full_page_images", per(wal1[1] - wal0[1], n));
                m.put("wal_bytes", per(wal1[2] - wal0[2], n));
                m.put("wal_lsn_bytes", per(lsn1 - lsn0, n));
                m.put("wal_db_bytes", walInspect ? walThisDatabase(c, lsnText0, lsnText1, n) : null);
                Map<String, Object> perTransition = new LinkedHashMap<>();
                perTransition.put(
                        "statements",
                        Json.round((counts.total() - counts.statements("query")) / (double) n / transitions));
                perTransition.put("rows_written", Json.round(rows / (double) n / transitions));
                perTransition.put("wal_bytes", Json.round((wal1[2] - wal0[2]) / (double) n / transitions));
                if (m.get("wal_db_bytes") instanceof Double walDb) {
                    perTransition.put("wal_db_bytes", Json.round(walDb / transitions));
                }
                m.put("per_transition", perTransition);
                Map<String, Object> byAction = new LinkedHashMap<>();
                for (String action : List.of("create", "query", "accept", "submit", "approve")) {
                    long calls = counts.calls(action);
                    if (calls == 0) {
                        continue;
                    }
                    Map<String, Object> am = new LinkedHashMap<>();
                    am.put("calls_per_lifecycle", per(calls, n));
                    am.put("statements", Json.round(counts.statements(action) / (double) calls));
                    am.put("commits", Json.round(counts.commits(action) / (double) calls));
                    am.put(
                            "round_trips_with_commit",
                            Json.round((counts.roundTrips(action) + counts.commits(action)) / (double) calls));
                    am.put("rows_written", Json.round(counts.rows(action) / (double) calls));
                    byAction.put(action, am);
                }
                m.put("by_action", byAction);
                m.put("relay_rows_written_per_lifecycle", per(counts.rows(StatementCounter.BACKGROUND), n));
                Map<String, Object> walByRelation = walInspect ? walByRelation(c, lsnText0, lsnText1, n) : Map.of();
                if (!walByRelation.isEmpty()) {
                    m.put("wal_bytes_by_relation", walByRelation);
                }
                return m;
            }
        }

        /**
         * WAL bytes per lifecycle by the relation a record changes (tables and their indexes), read back with
         * pg_walinspect when it can be installed; records without a relation (commits) by resource manager. WAL is
         * server-wide: records of other databases are left out where they name a relation.
         */
        private static Map<String, Object> walByRelation(Connection c, String from, String to, int n) {
            Map<String, Object> m = new LinkedHashMap<>();
            try (Statement st = c.createStatement()) {
                String sql = "with r as (select resource_manager, record_length,"
                        + " substring(block_ref from 'rel [0-9]+/([0-9]+)/')::oid as db,"
                        + " substring(block_ref from 'rel [0-9]+/[0-9]+/([0-9]+)')::oid as node"
                        + " from pg_get_wal_records_info('" + from + "', '" + to + "'))"
                        + " select coalesce(pg_filenode_relation(0, node)::regclass::text, resource_manager), "
                        + " count(*), sum(record_length) from r"
                        + " where db is null or db = (select oid from pg_database where datname = current_database())"
                        + " group by 1 order by 3 desc";
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("records", Json.round(rs.getLong(2) / (double) n));
                        e.put("bytes", Json.round(rs.getLong(3) / (double) n));
                        m.put(rs.getString(1), e);
                    }
                }
            } catch (Exception e) {
                System.err.println("WAL by relation skipped: " + e.getMessage());
            }
            return m;
        }

        /** Whether pg_walinspect is (or can be made) available, asked before anything is measured. */
        private static boolean walInspect(Connection c) {
            try (Statement st = c.createStatement()) {
                st.execute("create extension if not exists pg_walinspect");
                return true;
            } catch (Exception e) {
                System.err.println("WAL by database and relation skipped: " + e.getMessage());
                return false;
            }
        }

        /**
         * WAL of this database only (the server may be shared): the records that change its relations plus the
         * records (commits) of the transactions that wrote them. The baseline computes it the same way.
         */
        private static @Nullable Double walThisDatabase(Connection c, String from, String to, int n) {
            String sql = "with r as (select xid, record_length,"
                    + " substring(block_ref from 'rel [0-9]+/([0-9]+)/')::oid as db"
                    + " from pg_get_wal_records_info('" + from + "', '" + to + "')),"
                    + " me as (select oid from pg_database where datname = current_database())"
                    + " select coalesce(sum(record_length), 0) from r where db = (select oid from me)"
                    + " or (db is null and xid <> '0'::xid"
                    + " and xid::text in (select xid::text from r where db = (select oid from me)))";
            try {
                return per(longs(c, sql)[0], n);
            } catch (Exception e) {
                System.err.println("WAL of this database skipped: " + e.getMessage());
                return null;
            }
        }

        private static String text(Connection c, String sql) throws Exception {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        }

        /**
         * Waits until the event relay has delivered everything (its cursor updates count towards the lifecycle),
         * asking on the measuring connection, outside jOOQ, so the question is not counted.
         */
        private static void drainOutbox(Connection c) throws Exception {
            for (int i = 0; i < 100; i++) {
                if (longs(
                                c,
                                "select count(*) from ticket_relay where pending = '' and last_event_id"
                                        + " >= (select coalesce(max(id), 0) from ticket_events)")[0]
                        == 1) {
                    return;
                }
                Thread.sleep(50);
            }
        }

        /**
         * PostgreSQL 15 backends publish pg_stat_database / pg_stat_wal counters lazily but always on exit: closing
         * the pooled connections makes them exact (as the baseline does).
         */
        private void flush() throws InterruptedException {
            this.ds.getHikariPoolMXBean().softEvictConnections();
            Thread.sleep(1500);
        }

        private static double per(long v, int n) {
            return Json.round(v / (double) n);
        }

        private static long[] longs(Connection c, String sql) throws Exception {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                long[] v = new long[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = rs.getLong(i + 1);
                }
                return v;
            }
        }
    }

    /**
     * CPU time so far: this JVM, every PostgreSQL process on the machine (other databases' too), and the whole
     * machine (busy and capacity), from /proc; zero where /proc is missing.
     */
    record Cpu(long jvmNanos, long postgresTicks, long busyTicks, long allTicks) {

        static Cpu now() {
            long jvm = ((com.sun.management.OperatingSystemMXBean)
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            long pg = 0;
            long busy = 0;
            long all = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path dir : procs.filter(d -> d.getFileName().toString().matches("[0-9]+"))
                        .toList()) {
                    try {
                        String stat = Files.readString(dir.resolve("stat"));
                        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        if (comm.equals("postgres")) {
                            String[] f =
                                    stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            pg += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
                String[] cpu = Files.readAllLines(Path.of("/proc/stat"))
                        .getFirst()
                        .trim()
                        .split("\\s+");
                for (int i = 1; i < cpu.length; i++) {
                    long v = Long.parseLong(cpu[i]);
                    all += i <= 8 ? v : 0;
                    busy += i <= 8 && i != 4 && i != 5 ? v : 0; // not idle, not iowait
                }
            } catch (IOException | RuntimeException e) {
                return new Cpu(jvm, 0, 0, 0);
            }
            return new Cpu(jvm, pg, busy, all);
        }

        /** Per operation, in ms (a clock tick is 10 ms). */
        Map<String, Object> minus(Cpu before, long ops) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (ops == 0) {
                return m;
            }
            m.put("jvm", Json.round((this.jvmNanos - before.jvmNanos) / 1e6 / ops));
            m.put("postgres", Json.round((this.postgresTicks - before.postgresTicks) * 10.0 / ops));
            m.put("machine_busy", Json.round((this.busyTicks - before.busyTicks) * 10.0 / ops));
            m.put("machine_capacity", Json.round((this.allTicks - before.allTicks) * 10.0 / ops));
            return m;
        }
    }

    /** Keeps test-only configuration (the fixed test clock) out of the benchmark's application context. */
    static final class SkipTestConfiguration extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName())
                    || reader.getClassMetadata().getClassName().startsWith("dev.baton.bench.");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SkipTestConfiguration;
        }

        @Override
        public int hashCode() {
            return SkipTestConfiguration.class.hashCode();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * The workload's customer ids (0..99,999) as customer rows: a ticket's customer is checked and supplies its
     * facts, so the bench pays that read like a real tenant does.
     */
    private static void customers(DSLContext db, long tenantId) {
        var c = dev.baton.platform.db.Tables.CUSTOMERS;
        var g = org.jooq.impl.DSL.generateSeries(0, 99_999).as("g", "n");
        var n = g.field("n", Integer.class);
        var now = org.jooq.impl.DSL.currentTimestamp().cast(java.time.Instant.class);
        db.insertInto(c, c.TENANT_ID, c.ID, c.NAME, c.LEVEL, c.TAGS, c.CREATED_AT, c.UPDATED_AT, c.VERSION)
                .select(db.select(
                                org.jooq.impl.DSL.val(tenantId),
                                n.cast(Long.class),
                                org.jooq.impl.DSL.val("客户 ").concat(n),
                                org.jooq.impl.DSL.val("standard"),
                                org.jooq.impl.DSL.val("[]"),
                                now,
                                now,
                                org.jooq.impl.DSL.val(0))
                        .from(g))
                .execute();
    }
}
