package dev.baton.intake.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A channel as the administration page shows it; {@code publicForm} says whether it has a public form link. */
record ChannelView(
        long id,
        String code,
        String name,
        String kind,
        boolean enabled,
        long templateId,
        @Nullable String priority,
        @Nullable String title,
        @Nullable String intro,
        @Nullable String logoUrl,
        @Nullable String accentColor,
        boolean requirePhoneVerification,
        boolean captcha,
        boolean publicForm,
        Instant createdAt,
        Instant updatedAt,
        int version) {}
