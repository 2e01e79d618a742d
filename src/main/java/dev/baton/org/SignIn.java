package dev.baton.org;

import dev.baton.platform.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Baton session for a user another module has identified (WeCom's OAuth in the chat sidebar): exactly what the
 * password log-in answers, so the web app treats both alike.
 */
public interface SignIn {

    /** A session for this user, or empty when the tenant or the user is missing or deactivated. */
    Optional<LoginResponse> session(long tenantId, long userId);

    /** Who the caller is, as {@code GET /api/v1/auth/me} answers. */
    Me me(CurrentUser current);

    record LoginResponse(String accessToken, Instant expiresAt, Me user) {}

    record Me(
            @Nullable Long id,
            TenantRef tenant,
            String username,
            String displayName,
            List<RoleRef> roles,
            List<String> permissions) {}

    record TenantRef(String code, String name) {}

    record RoleRef(long id, String code, String name) {}
}
