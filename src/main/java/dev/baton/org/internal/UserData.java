package dev.baton.org.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The writable attributes of a user, already validated and normalised. */
record UserData(
        String username,
        String displayName,
        @Nullable String mobile,
        @Nullable String email,
        @Nullable String wecomUserId,
        boolean active,
        List<Long> departmentIds,
        List<Long> roleIds,
        List<String> skills,
        List<String> regions) {}
