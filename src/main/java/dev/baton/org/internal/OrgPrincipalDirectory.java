package dev.baton.org.internal;

import static dev.baton.platform.db.Tables.API_KEYS;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.PrincipalDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Resolves tokens and API keys to callers with their current roles and permissions. */
@Component
class OrgPrincipalDirectory implements PrincipalDirectory {

    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final DSLContext db;
    private final ChildRows children;
    private final TenantRepository tenants;
    private final UserRepository users;
    private final RoleRepository roles;
    private final PrincipalCache cache;
    private final Clock clock;

    OrgPrincipalDirectory(
            DSLContext db,
            ChildRows children,
            TenantRepository tenants,
            UserRepository users,
            RoleRepository roles,
            PrincipalCache cache,
            Clock clock) {
        this.db = db;
        this.children = children;
        this.tenants = tenants;
        this.users = users;
        this.roles = roles;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public Optional<CurrentUser> findUser(long tenantId, long userId) {
        return this.cache.get(
                "u:" + tenantId + ":" + userId,
                this.clock.instant(),
                () -> new PrincipalCache.Entry(loadUser(tenantId, userId), null));
    }

    Optional<CurrentUser> loadUser(long tenantId, long userId) {
        var tenant = this.tenants.findById(tenantId).filter(Tenant::active);
        var user = this.users.findRecord(tenantId, userId).filter(u -> u.getActive());
        if (tenant.isEmpty() || user.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> roleIds = Set.copyOf(this.children
                .load(UserRepository.ROLES_OF, tenantId, List.of(userId))
                .getOrDefault(userId, List.of()));
        return Optional.of(new CurrentUser(
                tenantId,
                tenant.get().code(),
                userId,
                user.get().getUsername(),
                this.roles.permissionsOf(tenantId, roleIds),
                roleIds,
                this.roles.codesOf(tenantId, roleIds),
                null));
    }

    @Override
    public Optional<CurrentUser> findApiKey(String rawKey) {
        Optional<ApiKeySecret.Parsed> parsed = ApiKeySecret.parse(rawKey);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        return this.cache.get("k:" + parsed.get().hash(), this.clock.instant(), () -> loadApiKey(parsed.get()));
    }

    private PrincipalCache.Entry loadApiKey(ApiKeySecret.Parsed key) {
        Instant now = this.clock.instant();
        var row = this.db
                .selectFrom(API_KEYS)
                .where(API_KEYS.TENANT_ID.eq(key.tenantId()), API_KEYS.KEY_HASH.eq(key.hash()))
                .fetchOptional()
                .filter(k -> k.getRevokedAt() == null)
                .filter(k -> k.getExpiresAt() == null || k.getExpiresAt().isAfter(now));
        var tenant = this.tenants.findById(key.tenantId()).filter(Tenant::active);
        if (row.isEmpty() || tenant.isEmpty()) {
            return new PrincipalCache.Entry(Optional.empty(), null);
        }
        var apiKey = row.get();
        if (apiKey.getLastUsedAt() == null || apiKey.getLastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
            this.db
                    .update(API_KEYS)
                    .set(API_KEYS.LAST_USED_AT, now)
                    .where(API_KEYS.TENANT_ID.eq(key.tenantId()), API_KEYS.ID.eq(apiKey.getId()))
                    .execute();
        }
        Set<Long> roleIds = Set.copyOf(this.children
                .load(ApiKeys.ROLES_OF, key.tenantId(), List.of(apiKey.getId()))
                .getOrDefault(apiKey.getId(), List.of()));
        return new PrincipalCache.Entry(
                Optional.of(new CurrentUser(
                        key.tenantId(),
                        tenant.get().code(),
                        apiKey.getCreatedBy(),
                        "api-key:" + apiKey.getName(),
                        this.roles.permissionsOf(key.tenantId(), roleIds),
                        roleIds,
                        this.roles.codesOf(key.tenantId(), roleIds),
                        apiKey.getId())),
                apiKey.getExpiresAt());
    }
}
