package dev.baton.platform;

import java.time.Instant;

/** Issues the signed bearer tokens the web UI and API clients send after logging in. */
public interface AccessTokens {

    AccessToken issue(long tenantId, long userId);

    /** A bearer token and when it stops being accepted. */
    record AccessToken(String accessToken, Instant expiresAt) {}
}
