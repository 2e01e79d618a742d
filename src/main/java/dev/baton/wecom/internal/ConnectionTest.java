package dev.baton.wecom.internal;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * "Test connection": asks WeCom for an access token with the tenant's stored corp id and secret, once, and says what
 * WeCom answered — the administrator's check that the secret and the app's trusted IP are right.
 */
@Component
class ConnectionTest {

    private final WeComSettings settings;
    private final TenantServices services;
    private final WeComCalls calls;

    ConnectionTest(WeComSettings settings, TenantServices services, WeComCalls calls) {
        this.settings = settings;
        this.services = services;
        this.calls = calls;
    }

    /** @param error WeCom's answer verbatim (errcode and errmsg), or why it could not be reached */
    record Result(
            boolean ok, @Nullable Integer errcode, @Nullable String error) {}

    /**
     * @throws WeComUnavailable when WeCom stays busy or silent through the retries (503, 504, 502): the answer the
     *     administrator needs is then "WeCom cannot be reached", not "your secret is wrong"
     */
    Result run(long tenantId) {
        var credentials = this.settings.credentials(tenantId).orElse(null);
        if (credentials == null) {
            return new Result(false, null, "WeCom is not set up for this tenant yet");
        }
        // a fresh token, whatever is cached: the check is that these credentials get one now
        WxCpService wx = this.services.build(tenantId, credentials);
        try {
            this.calls.call("gettoken", () -> wx.getAccessToken(true));
            return new Result(true, null, null);
        } catch (WxErrorException e) {
            return new Result(false, e.getError().getErrorCode(), e.getError().toString());
        }
    }
}
