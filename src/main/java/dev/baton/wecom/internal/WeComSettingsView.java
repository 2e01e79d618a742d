package dev.baton.wecom.internal;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's WeCom settings as an administrator reads them: never the secret, the token or the AES key, only
 * whether each is set.
 *
 * @param callbackUrl the address to enter in WeCom's admin console as the app's callback URL (接收消息服务器 URL)
 * @param version null before the first save
 */
record WeComSettingsView(
        @Nullable String corpId,
        @Nullable Integer agentId,
        boolean secretSet,
        boolean tokenSet,
        boolean encodingAesKeySet,
        String callbackUrl,
        @Nullable Integer version) {}
