package dev.baton.ticket.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * The few statements every action sends (read the row, write the transition, insert a numbered ticket), run
 * straight on the transaction's JDBC connection with SQL that is built once: jOOQ's rendering, binding and record
 * mapping around them were a third of the engine's client CPU (bench/README.md). Failures become Spring's
 * exceptions, as jOOQ's translating listener makes them, so a duplicate key is still a
 * {@link org.springframework.dao.DuplicateKeyException}.
 */
final class Jdbc {

    private static final SQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

    private Jdbc() {}

    /** Reads the result; called once, with the cursor before the first row. */
    interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Bind values in order; a null carries its SQL type, which PostgreSQL needs to plan the statement. */
    static final class Binds {
        private final List<@Nullable Object> values = new ArrayList<>();
        private final List<Integer> types = new ArrayList<>();

        Binds add(long v) {
            return put(v, Types.BIGINT);
        }

        Binds add(int v) {
            return put(v, Types.INTEGER);
        }

        Binds add(@Nullable Long v) {
            return put(v, Types.BIGINT);
        }

        Binds add(@Nullable String v) {
            return put(v, Types.VARCHAR);
        }

        Binds add(@Nullable Instant v) {
            return put(v == null ? null : OffsetDateTime.ofInstant(v, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }

        /** A ticket column's value, typed by the column. */
        Binds add(Field<?> column, @Nullable Object v) {
            Class<?> type = column.getType();
            if (type == Long.class) {
                return put(v, Types.BIGINT);
            }
            if (type == Integer.class) {
                return put(v, Types.INTEGER);
            }
            if (type == Instant.class) {
                return add((Instant) v);
            }
            if (type == String.class) {
                return put(v, Types.VARCHAR);
            }
            throw new IllegalArgumentException("no JDBC binding for " + column + " of " + type);
        }

        /** A value of another type, with the JDBC type to send it as ({@code Types.ARRAY}: a {@code String[]}). */
        Binds typed(@Nullable Object v, int sqlType) {
            return put(v, sqlType);
        }

        private Binds put(@Nullable Object v, int sqlType) {
            this.values.add(v);
            this.types.add(sqlType);
            return this;
        }

        private void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < this.values.size(); i++) {
                Object v = this.values.get(i);
                if (v == null) {
                    ps.setNull(i + 1, this.types.get(i));
                } else if (v instanceof String[] array) {
                    ps.setArray(i + 1, ps.getConnection().createArrayOf("varchar", array));
                } else {
                    ps.setObject(i + 1, v, this.types.get(i));
                }
            }
        }
    }

    static <T> T query(DSLContext db, String sql, Binds binds, Rows<T> rows) {
        return db.connectionResult(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binds.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    return rows.read(rs);
                }
            } catch (SQLException e) {
                RuntimeException translated = TRANSLATOR.translate("ticket statement", sql, e);
                throw translated != null ? translated : new DataAccessException(sql, e);
            }
        });
    }

    /** Runs a statement that returns no rows. */
    static void update(DSLContext db, String sql, Binds binds) {
        db.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binds.bind(ps);
                ps.executeUpdate();
            } catch (SQLException e) {
                RuntimeException translated = TRANSLATOR.translate("ticket statement", sql, e);
                throw translated != null ? translated : new DataAccessException(sql, e);
            }
        });
    }

    /** A column's value from the current row, as the generated record holds it. */
    static @Nullable Object column(ResultSet rs, int index, Class<?> type) throws SQLException {
        if (type == Long.class) {
            long v = rs.getLong(index);
            return rs.wasNull() ? null : v;
        }
        if (type == Integer.class) {
            int v = rs.getInt(index);
            return rs.wasNull() ? null : v;
        }
        if (type == Instant.class) {
            OffsetDateTime v = rs.getObject(index, OffsetDateTime.class);
            return v == null ? null : v.toInstant();
        }
        if (type == String.class) {
            return rs.getString(index);
        }
        throw new IllegalArgumentException("no JDBC reading for column " + index + " of " + type);
    }
}
