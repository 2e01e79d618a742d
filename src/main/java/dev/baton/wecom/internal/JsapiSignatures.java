package dev.baton.wecom.internal;

import dev.baton.platform.ConflictException;
import dev.baton.platform.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.cp.api.WxCpService;
import org.springframework.stereotype.Component;

/**
 * Signatures for WeCom's JS-SDK on a Baton page opened inside WeCom (the chat sidebar, the workbench): {@code
 * wx.config} signed with the corp's ticket and {@code wx.agentConfig} with the app's, both cached in
 * {@code wecom_tokens}. Computed here rather than by WxJava's {@code createJsapiSignature}, which reads the system
 * clock.
 */
@Component
class JsapiSignatures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantServices services;
    private final Clock clock;
    private final WeComCalls calls;

    JsapiSignatures(TenantServices services, Clock clock, WeComCalls calls) {
        this.services = services;
        this.clock = clock;
        this.calls = calls;
    }

    record Signed(long timestamp, String nonceStr, String signature) {}

    record Signatures(String corpId, int agentId, Signed config, Signed agentConfig) {}

    Signatures sign(long tenantId, String url) {
        String page = page(url);
        WxCpService wx = this.services.of(tenantId).orElseThrow(() -> new ConflictException("wecom-not-configured"));
        try {
            return new Signatures(
                    wx.getWxCpConfigStorage().getCorpId(),
                    wx.getWxCpConfigStorage().getAgentId(),
                    signed(this.calls.call("get_jsapi_ticket", wx::getJsapiTicket), page),
                    signed(this.calls.call("ticket/get", wx::getAgentJsapiTicket), page));
        } catch (WxErrorException e) {
            throw WeComErrors.refused(e);
        }
    }

    /** WeCom's rule: sha1 of {@code jsapi_ticket=…&noncestr=…&timestamp=…&url=…}, the url without its fragment. */
    static String signature(String ticket, String nonce, long timestamp, String url) {
        return SHA1.genWithAmple("jsapi_ticket=" + ticket, "noncestr=" + nonce, "timestamp=" + timestamp, "url=" + url);
    }

    private Signed signed(String ticket, String page) {
        long timestamp = this.clock.instant().getEpochSecond();
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        String nonce = HexFormat.of().formatHex(bytes);
        return new Signed(timestamp, nonce, signature(ticket, nonce, timestamp, page));
    }

    /** The page's address as the browser has it, without the {@code #…} part; an http(s) address only. */
    private static String page(String url) {
        String page = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
        try {
            URI uri = new URI(page);
            String scheme = uri.getScheme();
            if (scheme != null && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return page;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new ValidationException("url", "{wecom.jsapi.url}");
    }
}
