package dev.baton.org.internal;

import dev.baton.org.SignIn;
import dev.baton.platform.AccessTokens;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.db.tables.records.UsersRecord;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues the access token of a signed-in user and describes who they are. */
@Service
class Sessions implements SignIn {

    private final TenantRepository tenants;
    private final UserRepository users;
    private final RoleRepository roles;
    private final AccessTokens tokens;
    private final OrgPrincipalDirectory directory;

    Sessions(
            TenantRepository tenants,
            UserRepository users,
            RoleRepository roles,
            AccessTokens tokens,
            OrgPrincipalDirectory directory) {
        this.tenants = tenants;
        this.users = users;
        this.roles = roles;
        this.tokens = tokens;
        this.directory = directory;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LoginResponse> session(long tenantId, long userId) {
        if (this.tenants.findById(tenantId).filter(Tenant::active).isEmpty()
                || this.users
                        .findRecord(tenantId, userId)
                        .filter(UsersRecord::getActive)
                        .isEmpty()) {
            return Optional.empty();
        }
        return this.directory.loadUser(tenantId, userId).map(me -> {
            AccessTokens.AccessToken token = this.tokens.issue(tenantId, userId);
            return new LoginResponse(token.accessToken(), token.expiresAt(), me(me));
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Me me(CurrentUser current) {
        Tenant tenant = this.tenants.findById(current.tenantId()).orElseThrow();
        String displayName = current.userId() == null || current.apiKeyId() != null
                ? current.name()
                : this.users
                        .findRecord(current.tenantId(), current.userId())
                        .map(UsersRecord::getDisplayName)
                        .orElse(current.name());
        List<RoleRef> roleRefs = this.roles.findAll(current.tenantId()).stream()
                .filter(r -> current.roleIds().contains(r.id()))
                .map(r -> new RoleRef(r.id(), r.code(), r.name()))
                .toList();
        return new Me(
                current.apiKeyId() == null ? current.userId() : null,
                new TenantRef(tenant.code(), tenant.name()),
                current.name(),
                displayName,
                roleRefs,
                current.permissions().stream().sorted().toList());
    }
}
