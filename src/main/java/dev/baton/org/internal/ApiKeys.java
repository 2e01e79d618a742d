package dev.baton.org.internal;

import static dev.baton.platform.db.Tables.API_KEYS;
import static dev.baton.platform.db.Tables.API_KEY_ROLES;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.ConflictException;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.FieldError;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.ValidationException;
import dev.baton.platform.db.tables.records.ApiKeysRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API keys for integrations: shown once, stored hashed, scoped to roles, revocable. */
@Service
class ApiKeys {

    static final ChildRows.Link<?, Long> ROLES_OF = new ChildRows.Link<>(
            API_KEY_ROLES, API_KEY_ROLES.TENANT_ID, API_KEY_ROLES.API_KEY_ID, API_KEY_ROLES.ROLE_ID);

    private final DSLContext db;
    private final ChildRows children;
    private final RoleRepository roles;
    private final AuditTrail audit;
    private final OrgCaches caches;
    private final Clock clock;

    ApiKeys(DSLContext db, ChildRows children, RoleRepository roles, AuditTrail audit, OrgCaches caches, Clock clock) {
        this.db = db;
        this.children = children;
        this.roles = roles;
        this.audit = audit;
        this.caches = caches;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<ApiKeyView> list(long tenantId) {
        List<ApiKeysRecord> keys = this.db
                .selectFrom(API_KEYS)
                .where(API_KEYS.TENANT_ID.eq(tenantId))
                .orderBy(API_KEYS.ID.desc())
                .fetch();
        Map<Long, List<Long>> keyRoles = this.children.load(
                ROLES_OF, tenantId, keys.stream().map(ApiKeysRecord::getId).toList());
        return keys.stream()
                .map(k -> view(k, keyRoles.getOrDefault(k.getId(), List.of()), null))
                .toList();
    }

    @Transactional
    ApiKeyView create(CurrentUser me, String name, List<Long> roleIds, @Nullable Instant expiresAt) {
        long tenant = me.tenantId();
        List<Long> distinctRoles = List.copyOf(new LinkedHashSet<>(roleIds));
        List<FieldError> errors = new ArrayList<>();
        Set<Long> missing = this.roles.missing(tenant, distinctRoles);
        for (int i = 0; i < distinctRoles.size(); i++) {
            if (missing.contains(distinctRoles.get(i))) {
                errors.add(new FieldError("roleIds[" + i + "]", "{user.role-missing}"));
            }
        }
        Instant now = this.clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(new FieldError("expiresAt", "{apikey.expiry-past}"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String raw = ApiKeySecret.generate(tenant);
        ApiKeysRecord key = this.db.newRecord(API_KEYS);
        key.setTenantId(tenant);
        key.setName(name.strip());
        key.setPrefix(raw.substring(0, Math.min(12, raw.length())));
        key.setKeyHash(ApiKeySecret.hash(raw));
        key.setCreatedBy(me.userId());
        key.setCreatedAt(now);
        key.setExpiresAt(expiresAt);
        key.store();
        this.children.replace(ROLES_OF, tenant, key.getId(), distinctRoles);
        this.audit.record("apikey.create", "api-key", key.getId(), key.getName() + " " + distinctRoles);
        return view(key, distinctRoles, raw);
    }

    @Transactional
    void revoke(long tenantId, long id) {
        ApiKeysRecord key = this.db
                .selectFrom(API_KEYS)
                .where(API_KEYS.TENANT_ID.eq(tenantId), API_KEYS.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> new NotFoundException("api-key", id));
        if (key.getRevokedAt() != null) {
            throw new ConflictException("apikey-revoked");
        }
        this.db
                .update(API_KEYS)
                .set(API_KEYS.REVOKED_AT, this.clock.instant())
                .where(API_KEYS.TENANT_ID.eq(tenantId), API_KEYS.ID.eq(id))
                .execute();
        this.caches.changed();
        this.audit.record("apikey.revoke", "api-key", id, key.getName());
    }

    private static ApiKeyView view(ApiKeysRecord k, List<Long> roleIds, @Nullable String raw) {
        return new ApiKeyView(
                k.getId(),
                k.getName(),
                k.getPrefix(),
                roleIds,
                k.getCreatedAt(),
                k.getExpiresAt(),
                k.getRevokedAt(),
                k.getLastUsedAt(),
                raw);
    }

    /** @param key the secret itself, present only in the response that created it */
    record ApiKeyView(
            long id,
            String name,
            String prefix,
            List<Long> roleIds,
            Instant createdAt,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable Instant lastUsedAt,
            @Nullable String key) {}
}
