package dev.baton.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A page opened inside WeCom signs its JS-SDK set-up with the tenant's corp and app tickets. */
class WeComJsapiIT extends WeComIntegrationTest {

    @Test
    void bothConfigsAreSignedWithTheirTicketForThePageWithoutItsFragment() {
        Api admin = newTenant().english();
        connect(admin);
        String page = "https://baton.example.com/m/sidebar?from=chat";

        Api.Response signed = admin.get("/api/v1/wecom/jsapi/signature?url=" + enc(page + "#/customer"));
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        JsonNode json = signed.json();
        assertThat(json.path("corpId").asString()).isEqualTo(FakeWeCom.CORP_ID);
        assertThat(json.path("agentId").asInt()).isEqualTo(FakeWeCom.AGENT_ID);
        assertThat(json.at("/config/timestamp").asLong())
                .isEqualTo(this.clock.instant().getEpochSecond());
        assertThat(json.at("/config/signature").asString())
                .isEqualTo(sha1(FakeWeCom.JSAPI_TICKET, json.path("config"), page));
        assertThat(json.at("/agentConfig/signature").asString())
                .isEqualTo(sha1(FakeWeCom.AGENT_TICKET, json.path("agentConfig"), page));

        // the tickets are cached: a second page costs WeCom nothing
        int tickets = WECOM.ticketsIssued();
        assertThat(admin.get("/api/v1/wecom/jsapi/signature?url=" + enc("http://intranet:8080/m"))
                        .status())
                .isEqualTo(200);
        assertThat(WECOM.ticketsIssued()).isEqualTo(tickets);
    }

    @Test
    void aBadAddressIsRefusedAndATenantWithoutWeComIsTold() {
        Api admin = newTenant().english();
        for (String query : List.of("", "?url=", "?url=" + enc("javascript:alert(1)"), "?url=" + enc("/m/sidebar"))) {
            Api.Response bad = admin.get("/api/v1/wecom/jsapi/signature" + query);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.json().at("/errors/0/field").asString()).isEqualTo("url");
        }
        Api.Response none = admin.get("/api/v1/wecom/jsapi/signature?url=" + enc("https://baton.example.com/m"));
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.text("type")).endsWith("/wecom-not-configured");
        assertThat(none.text("title")).isEqualTo("WeCom is not configured");
        assertThat(api().get("/api/v1/wecom/jsapi/signature?url=" + enc("https://baton.example.com/m"))
                        .status())
                .isEqualTo(401);
    }

    /** WeCom's documented algorithm, computed independently of Baton's code. */
    private static String sha1(String ticket, JsonNode signed, String url) {
        String text = "jsapi_ticket=" + ticket + "&noncestr="
                + signed.path("nonceStr").asString() + "&timestamp="
                + signed.path("timestamp").asLong() + "&url=" + url;
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
