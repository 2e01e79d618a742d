package dev.baton.wecom.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one corp Baton sends as, until WeCom settings move per tenant.
 *
 * @param baseUrl WeCom's API address; a test points it at a fake server
 */
@ConfigurationProperties("baton.wecom")
record WeComProperties(
        @Nullable String corpId,
        @Nullable Integer agentId,
        @Nullable String secret,
        @DefaultValue("https://qyapi.weixin.qq.com") String baseUrl) {

    boolean complete() {
        return this.corpId != null
                && !this.corpId.isBlank()
                && this.agentId != null
                && this.secret != null
                && !this.secret.isBlank();
    }
}
