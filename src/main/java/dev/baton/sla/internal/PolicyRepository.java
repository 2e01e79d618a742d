package dev.baton.sla.internal;

import static dev.baton.platform.db.Tables.SLA_POLICIES;

import dev.baton.platform.OptimisticLock;
import dev.baton.platform.db.tables.records.SlaPoliciesRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SLA policy rows; the definition is JSON text. */
@Repository
class PolicyRepository {

    private final DSLContext db;
    private final JsonMapper json;

    PolicyRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Every policy of the tenant in the order they are tried. */
    List<SlaPoliciesRecord> ordered(long tenantId) {
        return this.db
                .selectFrom(SLA_POLICIES)
                .where(SLA_POLICIES.TENANT_ID.eq(tenantId))
                .orderBy(SLA_POLICIES.POSITION, SLA_POLICIES.ID)
                .fetch();
    }

    Optional<SlaPoliciesRecord> find(long tenantId, long id) {
        return this.db
                .selectFrom(SLA_POLICIES)
                .where(SLA_POLICIES.TENANT_ID.eq(tenantId), SLA_POLICIES.ID.eq(id))
                .fetchOptional();
    }

    boolean nameTaken(long tenantId, String name, long exceptId) {
        return this.db.fetchExists(
                SLA_POLICIES,
                SLA_POLICIES.TENANT_ID.eq(tenantId),
                SLA_POLICIES.NAME.eq(name),
                SLA_POLICIES.ID.ne(exceptId));
    }

    int nextPosition(long tenantId) {
        Integer max = this.db
                .select(DSL.max(SLA_POLICIES.POSITION))
                .from(SLA_POLICIES)
                .where(SLA_POLICIES.TENANT_ID.eq(tenantId))
                .fetchOne(0, Integer.class);
        return max == null ? 0 : max + 1;
    }

    long insert(
            long tenantId,
            String name,
            int position,
            boolean enabled,
            Long calendarId,
            PolicyDefinition d,
            Instant now) {
        return this.db
                .insertInto(SLA_POLICIES)
                .set(SLA_POLICIES.TENANT_ID, tenantId)
                .set(SLA_POLICIES.NAME, name)
                .set(SLA_POLICIES.POSITION, position)
                .set(SLA_POLICIES.ENABLED, enabled)
                .set(SLA_POLICIES.CALENDAR_ID, calendarId)
                .set(SLA_POLICIES.DEFINITION, this.json.writeValueAsString(d))
                .set(SLA_POLICIES.CREATED_AT, now)
                .set(SLA_POLICIES.UPDATED_AT, now)
                .returning(SLA_POLICIES.ID)
                .fetchSingle()
                .getId();
    }

    boolean update(
            long tenantId,
            long id,
            int version,
            String name,
            boolean enabled,
            Long calendarId,
            PolicyDefinition d,
            Instant now) {
        return OptimisticLock.execute(
                this.db
                        .update(SLA_POLICIES)
                        .set(SLA_POLICIES.NAME, name)
                        .set(SLA_POLICIES.ENABLED, enabled)
                        .set(SLA_POLICIES.CALENDAR_ID, calendarId)
                        .set(SLA_POLICIES.DEFINITION, this.json.writeValueAsString(d))
                        .set(SLA_POLICIES.UPDATED_AT, now),
                SLA_POLICIES,
                tenantId,
                id,
                version);
    }

    /** Moves a policy in the list; a reorder is a change of every policy it moves, so it bumps their versions. */
    void position(long tenantId, long id, int position, Instant now) {
        this.db
                .update(SLA_POLICIES)
                .set(SLA_POLICIES.POSITION, position)
                .set(SLA_POLICIES.VERSION, SLA_POLICIES.VERSION.plus(1))
                .set(SLA_POLICIES.UPDATED_AT, now)
                .where(SLA_POLICIES.TENANT_ID.eq(tenantId), SLA_POLICIES.ID.eq(id), SLA_POLICIES.POSITION.ne(position))
                .execute();
    }

    boolean delete(long tenantId, long id, int version) {
        return this.db
                        .deleteFrom(SLA_POLICIES)
                        .where(
                                SLA_POLICIES.TENANT_ID.eq(tenantId),
                                SLA_POLICIES.ID.eq(id),
                                SLA_POLICIES.VERSION.eq(version))
                        .execute()
                == 1;
    }

    SlaPolicy policy(SlaPoliciesRecord r) {
        return new SlaPolicy(
                r.getId(),
                r.getName(),
                r.getPosition(),
                r.getEnabled(),
                r.getCalendarId(),
                this.json.readValue(r.getDefinition(), PolicyDefinition.class));
    }

    PolicyView view(SlaPoliciesRecord r) {
        PolicyDefinition d = this.json.readValue(r.getDefinition(), PolicyDefinition.class);
        return new PolicyView(
                r.getId(),
                r.getName(),
                r.getPosition(),
                r.getEnabled(),
                r.getCalendarId(),
                d.match(),
                d.firstResponse(),
                d.resolution(),
                d.nodes(),
                d.pauseStatuses(),
                d.reminderBefore(),
                d.escalations(),
                r.getVersion(),
                r.getCreatedAt(),
                r.getUpdatedAt());
    }
}
