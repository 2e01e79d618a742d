package dev.baton.org.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.TableField;
import org.springframework.stereotype.Component;

/**
 * The set-valued attributes of users, roles and API keys (departments, roles, skills, permissions …)
 * live in link tables keyed (tenant, parent, value). This replaces such a set in two statements and
 * loads it for many parents in one query, so no list endpoint runs a query per row.
 */
@Component
class ChildRows {

    private final DSLContext db;

    ChildRows(DSLContext db) {
        this.db = db;
    }

    /** A link table: its tenant column, the parent id column and the value column. */
    record Link<R extends Record, T>(
            Table<R> table, TableField<R, Long> tenant, TableField<R, Long> parent, TableField<R, T> value) {}

    <R extends Record, T> void replace(Link<R, T> link, long tenantId, long parentId, Collection<T> values) {
        this.db
                .deleteFrom(link.table())
                .where(link.tenant().eq(tenantId), link.parent().eq(parentId))
                .execute();
        if (values.isEmpty()) {
            return;
        }
        var insert = this.db.insertInto(link.table(), link.tenant(), link.parent(), link.value());
        for (T value : values) {
            insert = insert.values(tenantId, parentId, value);
        }
        insert.execute();
    }

    /** Values per parent, in value order; parents without values are absent from the map. */
    <R extends Record, T> Map<Long, List<T>> load(Link<R, T> link, long tenantId, Collection<Long> parentIds) {
        if (parentIds.isEmpty()) {
            return Map.of();
        }
        return this.db
                .select(link.parent(), link.value())
                .from(link.table())
                .where(link.tenant().eq(tenantId), link.parent().in(parentIds))
                .orderBy(link.parent(), link.value())
                .fetchGroups(Record2::value1, Record2::value2);
    }
}
