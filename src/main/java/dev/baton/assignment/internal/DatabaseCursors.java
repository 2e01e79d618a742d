package dev.baton.assignment.internal;

import static dev.baton.platform.db.Tables.ASSIGNMENT_CURSORS;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Round-robin cursors in the database, moved with one {@code UPDATE … RETURNING} in the caller's (the ticket's)
 * transaction: the row lock makes concurrent tickets on any node take turns, and a rolled-back ticket gives its
 * turn back. Rules create their cursor row when they are saved, so the hot path is that one statement.
 */
@Component
class DatabaseCursors implements Cursors {

    private final DSLContext db;

    DatabaseCursors(DSLContext db) {
        this.db = db;
    }

    @Override
    public long next(long tenantId, String key) {
        Long position = bump(tenantId, key);
        if (position == null) {
            create(tenantId, key);
            position = bump(tenantId, key);
        }
        if (position == null) {
            throw new IllegalStateException("no cursor " + key + " for tenant " + tenantId);
        }
        return position;
    }

    @Override
    public long peek(long tenantId, String key) {
        Long position = this.db
                .select(ASSIGNMENT_CURSORS.POSITION)
                .from(ASSIGNMENT_CURSORS)
                .where(ASSIGNMENT_CURSORS.TENANT_ID.eq(tenantId), ASSIGNMENT_CURSORS.CURSOR_KEY.eq(key))
                .fetchOne(ASSIGNMENT_CURSORS.POSITION);
        return (position == null ? 0 : position) + 1;
    }

    void create(long tenantId, String key) {
        this.db
                .insertInto(ASSIGNMENT_CURSORS)
                .set(ASSIGNMENT_CURSORS.TENANT_ID, tenantId)
                .set(ASSIGNMENT_CURSORS.CURSOR_KEY, key)
                .set(ASSIGNMENT_CURSORS.POSITION, 0L)
                .onConflictDoNothing()
                .execute();
    }

    void delete(long tenantId, String key) {
        this.db
                .deleteFrom(ASSIGNMENT_CURSORS)
                .where(ASSIGNMENT_CURSORS.TENANT_ID.eq(tenantId), ASSIGNMENT_CURSORS.CURSOR_KEY.eq(key))
                .execute();
    }

    private Long bump(long tenantId, String key) {
        return this.db
                .update(ASSIGNMENT_CURSORS)
                .set(ASSIGNMENT_CURSORS.POSITION, ASSIGNMENT_CURSORS.POSITION.plus(1))
                .where(ASSIGNMENT_CURSORS.TENANT_ID.eq(tenantId), ASSIGNMENT_CURSORS.CURSOR_KEY.eq(key))
                .returning(ASSIGNMENT_CURSORS.POSITION)
                .fetchOptional(ASSIGNMENT_CURSORS.POSITION)
                .orElse(null);
    }
}
