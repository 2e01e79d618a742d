package dev.baton.platform;

import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: a user of a tenant, or an API key acting with its roles. Every query a module
 * runs for a request is scoped by {@link #tenantId()}.
 *
 * @param userId the user, or for an API key the administrator who created it (may be null)
 * @param roleCodes the codes of {@code roleIds}, for rules written against roles (field permissions)
 * @param apiKeyId set when the caller authenticated with an API key
 */
public record CurrentUser(
        long tenantId,
        String tenantCode,
        @Nullable Long userId,
        String name,
        Set<String> permissions,
        Set<Long> roleIds,
        Set<String> roleCodes,
        @Nullable Long apiKeyId) {

    public boolean can(String permission) {
        return this.permissions.contains(permission);
    }

    /** The authenticated caller of this request; fails if there is none (a programming error). */
    public static CurrentUser require() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated Baton user"));
    }

    public static Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }
}
