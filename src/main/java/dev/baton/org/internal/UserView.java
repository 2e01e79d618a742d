package dev.baton.org.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A user as the API shows it; never carries the password hash. */
record UserView(
        long id,
        String username,
        String displayName,
        @Nullable String mobile,
        @Nullable String email,
        @Nullable String wecomUserId,
        boolean active,
        List<Long> departmentIds,
        List<Long> roleIds,
        List<String> skills,
        List<String> regions,
        int version,
        Instant createdAt) {}
