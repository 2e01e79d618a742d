package dev.baton.notify.internal;

import org.jspecify.annotations.Nullable;

/** A user as the channels see them. */
record Recipient(
        long id,
        String name,
        @Nullable String email,
        @Nullable String mobile,
        @Nullable String wecomUserId,
        boolean active) {}
