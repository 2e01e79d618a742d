package dev.baton.assignment.internal;

import static dev.baton.platform.db.Tables.AGENT_PROFILES;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.FieldError;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.OrgDirectory;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.ValidationException;
import dev.baton.platform.VersionConflictException;
import dev.baton.platform.db.tables.records.AgentProfilesRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agent profiles: what routing knows about a person beyond the organisation (skills, region, availability,
 * cap). Stored here because {@code org} has no such fields yet.
 */
@Service
class AgentService {

    static final Set<String> SORT_KEYS = Set.of("userId");
    private static final Set<String> STATUSES = Set.of("available", "off_duty", "on_leave");

    private final DSLContext db;
    private final AgentProfiles profiles;
    private final DatabaseAgents agents;
    private final OrgDirectory org;
    private final AssignmentJson json;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    AgentService(
            DSLContext db,
            AgentProfiles profiles,
            DatabaseAgents agents,
            OrgDirectory org,
            AssignmentJson json,
            AuditTrail audit,
            java.time.Clock clock) {
        this.db = db;
        this.profiles = profiles;
        this.agents = agents;
        this.org = org;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PageResult<AgentView> list(long tenantId, PageQuery paging) {
        List<AgentProfilesRecord> rows = this.db
                .selectFrom(AGENT_PROFILES)
                .where(AGENT_PROFILES.TENANT_ID.eq(tenantId))
                .orderBy(paging.ascending() ? AGENT_PROFILES.USER_ID.asc() : AGENT_PROFILES.USER_ID.desc())
                .limit(paging.size())
                .offset(paging.offset())
                .fetch();
        int total = this.db.fetchCount(AGENT_PROFILES, AGENT_PROFILES.TENANT_ID.eq(tenantId));
        return new PageResult<>(views(tenantId, rows), paging.page(), paging.size(), total);
    }

    @Transactional(readOnly = true)
    AgentView get(long tenantId, long userId) {
        AgentProfilesRecord r = row(tenantId, userId);
        if (r == null) {
            throw new NotFoundException("agent_profile", userId);
        }
        return views(tenantId, List.of(r)).getFirst();
    }

    @Transactional
    AgentView put(long tenantId, long userId, AgentCommand cmd) {
        if (this.org.names(tenantId, List.of(userId)).isEmpty()) {
            throw new NotFoundException("user", userId);
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> skills = cmd.skills() == null ? List.of() : cmd.skills();
        if (skills.size() > 50) {
            errors.add(new FieldError("skills", "{assignment.values.too-many}"));
        }
        for (int i = 0; i < skills.size(); i++) {
            if (skills.get(i) == null
                    || skills.get(i).isBlank()
                    || skills.get(i).length() > 32) {
                errors.add(new FieldError("skills[" + i + "]", "{assignment.value.invalid}"));
            }
        }
        if (cmd.region() != null && cmd.region().length() > 200) {
            errors.add(new FieldError("region", "{assignment.text.too-long}"));
        }
        String status = cmd.status() == null ? "available" : cmd.status();
        if (!STATUSES.contains(status)) {
            errors.add(new FieldError("status", "{assignment.status.unknown}"));
        }
        if (cmd.maxOpen() != null && (cmd.maxOpen() < 0 || cmd.maxOpen() > 10_000)) {
            errors.add(new FieldError("maxOpen", "{assignment.max-open.range}"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        AgentProfilesRecord existing = row(tenantId, userId);
        var now = this.clock.instant();
        String region = cmd.region() == null || cmd.region().isBlank()
                ? null
                : cmd.region().strip();
        if (existing == null) {
            if (cmd.version() != null) {
                throw new VersionConflictException("agent_profile", userId, 0);
            }
            this.db
                    .insertInto(AGENT_PROFILES)
                    .set(AGENT_PROFILES.TENANT_ID, tenantId)
                    .set(AGENT_PROFILES.USER_ID, userId)
                    .set(AGENT_PROFILES.SKILLS, this.json.write(skills))
                    .set(AGENT_PROFILES.REGION, region)
                    .set(AGENT_PROFILES.STATUS, status)
                    .set(AGENT_PROFILES.STATUS_UNTIL, cmd.statusUntil())
                    .set(AGENT_PROFILES.MAX_OPEN, cmd.maxOpen())
                    .set(AGENT_PROFILES.UPDATED_AT, now)
                    .set(AGENT_PROFILES.VERSION, 0)
                    .execute();
        } else {
            if (cmd.version() == null) {
                throw new ValidationException("version", "{validation.required}");
            }
            int updated = this.db
                    .update(AGENT_PROFILES)
                    .set(AGENT_PROFILES.SKILLS, this.json.write(skills))
                    .set(AGENT_PROFILES.REGION, region)
                    .set(AGENT_PROFILES.STATUS, status)
                    .set(AGENT_PROFILES.STATUS_UNTIL, cmd.statusUntil())
                    .set(AGENT_PROFILES.MAX_OPEN, cmd.maxOpen())
                    .set(AGENT_PROFILES.UPDATED_AT, now)
                    .set(AGENT_PROFILES.VERSION, AGENT_PROFILES.VERSION.plus(1))
                    .where(
                            AGENT_PROFILES.TENANT_ID.eq(tenantId),
                            AGENT_PROFILES.USER_ID.eq(userId),
                            AGENT_PROFILES.VERSION.eq(cmd.version()))
                    .execute();
            if (updated == 0) {
                throw new VersionConflictException("agent_profile", userId, existing.getVersion());
            }
        }
        this.profiles.changed(tenantId);
        this.audit.record("assignment.agent.update", "agent_profile", userId, status);
        return get(tenantId, userId);
    }

    private AgentProfilesRecord row(long tenantId, long userId) {
        return this.db.fetchOne(
                AGENT_PROFILES, AGENT_PROFILES.TENANT_ID.eq(tenantId), AGENT_PROFILES.USER_ID.eq(userId));
    }

    private List<AgentView> views(long tenantId, List<AgentProfilesRecord> rows) {
        List<Long> ids = rows.stream().map(AgentProfilesRecord::getUserId).toList();
        Map<Long, String> names = this.org.names(tenantId, ids);
        Map<Long, Integer> loads = this.agents.loads(tenantId, ids, false);
        return rows.stream()
                .map(r -> {
                    Agents.AgentProfile p = this.profiles.of(r);
                    return new AgentView(
                            p.userId(),
                            names.get(p.userId()),
                            p.skills(),
                            p.region(),
                            p.status(),
                            p.statusUntil(),
                            p.maxOpen(),
                            loads.getOrDefault(p.userId(), 0),
                            p.version());
                })
                .toList();
    }
}
