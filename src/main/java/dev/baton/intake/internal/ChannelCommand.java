package dev.baton.intake.internal;

import org.jspecify.annotations.Nullable;

/**
 * What an administrator writes for a channel; {@code version} is required on update (optimistic locking).
 *
 * @param kind a ticket source code except {@code api} and {@code import}
 */
record ChannelCommand(
        @Nullable String code,
        @Nullable String name,
        @Nullable String kind,
        @Nullable Boolean enabled,
        @Nullable Long templateId,
        @Nullable String priority,
        @Nullable String title,
        @Nullable String intro,
        @Nullable String logoUrl,
        @Nullable String accentColor,
        @Nullable Boolean requirePhoneVerification,
        @Nullable Boolean captcha,
        @Nullable Integer version) {}
