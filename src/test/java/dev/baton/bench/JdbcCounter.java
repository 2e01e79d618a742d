package dev.baton.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts every statement the application sends, at the JDBC level: the ticket module runs its hottest statements
 * on the connection directly, past jOOQ's listeners, so only here is the client's whole SQL seen. A statement is
 * counted when it is closed, with the rows its DML changed (the update count, or for DML with {@code RETURNING}
 * the rows read back) and the time its executions took. Commits and rollbacks are counted too: each is a round trip.
 */
final class JdbcCounter implements BeanPostProcessor {

    private final StatementCounter counter;

    JdbcCounter(StatementCounter counter) {
        this.counter = counter;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource ds) || Proxy.isProxyClass(bean.getClass())) {
            return bean;
        }
        return proxy(DataSource.class, ds, (target, m, args) -> {
            Object r = m.invoke(target, args);
            return m.getName().equals("getConnection") ? connection((Connection) r) : r;
        });
    }

    private Connection connection(Connection c) {
        return proxy(Connection.class, c, (target, m, args) -> {
            Object r = m.invoke(target, args);
            return switch (m.getName()) {
                case "commit", "rollback" -> {
                    // a round trip of its own, which statements in autocommit do without
                    this.counter.commit();
                    yield r;
                }
                case "prepareStatement" -> statement(PreparedStatement.class, (Statement) r, (String) args[0]);
                case "createStatement" -> statement(Statement.class, (Statement) r, null);
                default -> r;
            };
        });
    }

    /** One statement's counts, recorded when it closes. */
    private final class Tracked {
        @Nullable
        String sql;

        final List<String> batch = new ArrayList<>();
        int rows;
        boolean executed;
        long nanos;
        boolean timed;

        void close() {
            if (!this.executed || this.sql == null) {
                return;
            }
            JdbcCounter.this.counter.statement(this.sql, this.rows, this.nanos, this.timed, true);
            this.executed = false;
        }
    }

    private <S extends Statement> S statement(Class<S> type, Statement s, @Nullable String sql) {
        Tracked t = new Tracked();
        t.sql = sql;
        return proxy(type, type.cast(s), (target, m, args) -> {
            String name = m.getName();
            if (name.equals("close")) {
                t.close();
                return m.invoke(target, args);
            }
            if (name.equals("addBatch") && args != null && args.length == 1) {
                t.batch.add((String) args[0]);
            }
            if (!name.startsWith("execute")) {
                Object r = m.invoke(target, args);
                return name.equals("getResultSet") && r != null ? rows((ResultSet) r, t) : r;
            }
            if (args != null && args.length > 0 && args[0] instanceof String text) {
                t.close(); // a plain Statement reused for another text
                t.sql = text;
            }
            boolean timed = this.counter.timing();
            long t0 = System.nanoTime();
            Object r = m.invoke(target, args);
            t.nanos += System.nanoTime() - t0;
            t.timed |= timed;
            if (name.equals("executeBatch")) {
                int[] counts = (int[]) r;
                for (int i = 0; i < counts.length; i++) {
                    String each = i < t.batch.size() ? t.batch.get(i) : t.sql;
                    if (each != null) {
                        this.counter.statement(each, Math.max(counts[i], 0), t.nanos, timed, i == 0);
                    }
                }
                t.batch.clear();
                t.nanos = 0;
                return r;
            }
            t.executed = true;
            if (r instanceof ResultSet rs) {
                return rows(rs, t);
            }
            if (r instanceof Integer n) {
                t.rows += Math.max(n, 0);
            } else if (r instanceof Long n) {
                t.rows += (int) Math.max(n, 0);
            } else if (Boolean.FALSE.equals(r)) {
                t.rows += Math.max(target.getUpdateCount(), 0);
            }
            return r;
        });
    }

    private ResultSet rows(ResultSet rs, Tracked t) {
        return proxy(ResultSet.class, rs, (target, m, args) -> {
            Object r = m.invoke(target, args);
            if (m.getName().equals("next") && Boolean.TRUE.equals(r)) {
                t.rows++;
            }
            return r;
        });
    }

    private interface Call<T> {
        @Nullable
        Object invoke(T target, Method m, @Nullable Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Call<T> call) {
        InvocationHandler h = (p, m, args) -> {
            if (m.getName().equals("unwrap") || m.getName().equals("isWrapperFor")) {
                return m.invoke(target, args);
            }
            try {
                return call.invoke(target, m, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(JdbcCounter.class.getClassLoader(), new Class<?>[] {type}, h));
    }
}
