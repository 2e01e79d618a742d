package dev.baton.org.internal;

import org.jspecify.annotations.Nullable;

/** A node of the tenant's department tree, as the API shows it. */
record Department(
        long id,
        @Nullable Long parentId,
        String name,
        @Nullable Long leaderUserId,
        int sortOrder,
        int version) {}
