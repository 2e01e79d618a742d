package dev.baton.platform;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.UpdateSetMoreStep;

/**
 * Optimistic locking for every editable table, which all share the columns {@code tenant_id},
 * {@code id} and {@code version}: an update applies only to the version the caller saw and bumps
 * it, so two concurrent edits can never silently overwrite each other.
 */
public final class OptimisticLock {

    private OptimisticLock() {}

    /** Runs {@code update} guarded by the expected version; false when the row is gone or has moved on. */
    public static <R extends Record> boolean execute(
            UpdateSetMoreStep<R> update, Table<R> table, long tenantId, long id, int expectedVersion) {
        Field<Integer> version = column(table, "version", Integer.class);
        return update.set(version, version.plus(1))
                        .where(
                                column(table, "tenant_id", Long.class).eq(tenantId),
                                column(table, "id", Long.class).eq(id),
                                version.eq(expectedVersion))
                        .execute()
                == 1;
    }

    private static <T> Field<T> column(Table<?> table, String name, Class<T> type) {
        Field<T> field = table.field(name, type);
        if (field == null) {
            throw new IllegalArgumentException(table.getName() + " has no column " + name);
        }
        return field;
    }
}
