package dev.baton.platform;

import java.util.Optional;

/**
 * Resolves the caller behind a verified access token or an API key. Implemented by the
 * organisation module, so the security plumbing here needs no knowledge of users or roles.
 */
public interface PrincipalDirectory {

    /** The active user with their current permissions, or empty if deactivated or gone. */
    Optional<CurrentUser> findUser(long tenantId, long userId);

    /** The caller behind a raw API key, or empty if unknown, revoked or expired. */
    Optional<CurrentUser> findApiKey(String rawKey);
}
