package dev.baton.wecom.internal;

import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /api/v1/wecom/settings}. The secret, token and AES key may be left out of a later save to keep the
 * stored ones (a read never shows them, so the form cannot send them back).
 *
 * @param version the version read; null only for the first save
 */
record WeComSettingsCommand(
        @Nullable String corpId,
        @Nullable Integer agentId,
        @Nullable String secret,
        @Nullable String token,
        @Nullable String encodingAesKey,
        @Nullable Integer version) {}
