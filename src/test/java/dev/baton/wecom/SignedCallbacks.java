package dev.baton.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.HashMap;
import java.util.Map;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/** Callbacks to a tenant's address encrypted and signed with WeCom's algorithm (as WxJava implements it). */
final class SignedCallbacks {

    static final String TOKEN = "batonToken42";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private SignedCallbacks() {}

    /** Saves the fake corp with the callback token and key as the admin's tenant's WeCom settings. */
    static void connectWithCallbacks(Api admin) {
        Map<String, Object> body = new HashMap<>();
        body.put("corpId", FakeWeCom.CORP_ID);
        body.put("agentId", FakeWeCom.AGENT_ID);
        body.put("secret", FakeWeCom.SECRET);
        body.put("token", TOKEN);
        body.put("encodingAesKey", AES_KEY);
        Api.Response saved = admin.put("/api/v1/wecom/settings", body);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    /** An event message as WeCom sends it to the app: the fields after {@code Event}, CDATA-wrapped. */
    static String event(String event, long createTime, Map<String, String> fields) {
        StringBuilder xml = new StringBuilder("<xml><ToUserName><![CDATA[" + FakeWeCom.CORP_ID + "]]></ToUserName>"
                + "<FromUserName><![CDATA[sys]]></FromUserName><CreateTime>" + createTime + "</CreateTime>"
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event>");
        fields.forEach((k, v) -> xml.append('<')
                .append(k)
                .append("><![CDATA[")
                .append(v)
                .append("]]></")
                .append(k)
                .append('>'));
        return xml.append("</xml>").toString();
    }

    static Api.Response post(Api anonymous, Api admin, String message) {
        String encrypted = new WxCryptUtil(TOKEN, AES_KEY, FakeWeCom.CORP_ID).encrypt("0123456789abcdef", message);
        String signature = SHA1.gen(TOKEN, "1733000001", "abc", encrypted);
        String envelope = "<xml><ToUserName><![CDATA[" + FakeWeCom.CORP_ID + "]]></ToUserName><Encrypt><![CDATA["
                + encrypted + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
        String code = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        return anonymous.sendText(
                "POST",
                "/wecom/callback/" + code + "?msg_signature=" + signature + "&timestamp=1733000001&nonce=abc",
                "text/xml",
                envelope);
    }
}
