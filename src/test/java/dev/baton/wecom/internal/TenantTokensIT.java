package dev.baton.wecom.internal;

import static dev.baton.platform.db.Tables.WECOM_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.support.Api;
import dev.baton.wecom.FakeWeCom;
import dev.baton.wecom.WeComException;
import dev.baton.wecom.WeComGateway;
import dev.baton.wecom.WeComIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.cp.api.WxCpService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A tenant's access token lives in the database: two services built apart (as on two nodes) share the one token,
 * a token WeCom ended early is renewed once, and saving new settings forgets it.
 */
class TenantTokensIT extends WeComIntegrationTest {

    @Autowired
    TenantServices services;

    @Autowired
    WeComSettings settings;

    @Autowired
    WeComGateway gateway;

    @Test
    void twoNodesShareOneTokenAndAnExpiredOneIsRenewedOnce() throws Exception {
        Api admin = newTenant();
        Map<String, Object> body =
                Map.of("corpId", FakeWeCom.CORP_ID, "agentId", FakeWeCom.AGENT_ID, "secret", FakeWeCom.SECRET);
        assertThat(admin.put("/api/v1/wecom/settings", body).status()).isEqualTo(200);
        long tenant = tenantId(admin);
        var credentials = this.settings.credentials(tenant).orElseThrow();
        WxCpService first = this.services.build(tenant, credentials);
        WxCpService second = this.services.build(tenant, credentials);
        int before = WECOM.tokensIssued();

        assertThat(first.getJsapiTicket()).isEqualTo(FakeWeCom.JSAPI_TICKET);
        assertThat(second.getAgentJsapiTicket()).isEqualTo(FakeWeCom.AGENT_TICKET);
        assertThat(second.getAccessToken()).isEqualTo(first.getAccessToken());
        assertThat(WECOM.tokensIssued() - before).isOne();
        var stored = this.db.fetchOne(
                WECOM_TOKENS, WECOM_TOKENS.TENANT_ID.eq(tenant), WECOM_TOKENS.KIND.eq(SharedTokenStorage.ACCESS));
        assertThat(stored).isNotNull();
        // WeCom's 7,200 seconds, less five minutes
        assertThat(stored.getExpiresAt()).isEqualTo(this.clock.instant().plus(Duration.ofSeconds(7200 - 300)));

        WECOM.expireToken();
        first.getJsapiTicket(true);
        assertThat(WECOM.tokensIssued() - before).as("one refresh after 42001").isEqualTo(2);
        second.getAgentJsapiTicket(true);
        assertThat(WECOM.tokensIssued() - before)
                .as("the other node reads the renewed token")
                .isEqualTo(2);

        // new settings: the former corp's tokens are forgotten, the cached service is replaced
        WxCpService cached = this.services.of(tenant).orElseThrow();
        assertThat(this.services.of(tenant)).containsSame(cached);
        assertThat(admin.put("/api/v1/wecom/settings", Map.of("corpId", FakeWeCom.CORP_ID, "agentId", 7, "version", 0))
                        .status())
                .isEqualTo(200);
        assertThat(this.db.fetchCount(WECOM_TOKENS, WECOM_TOKENS.TENANT_ID.eq(tenant)))
                .isZero();
        WxCpService rebuilt = this.services.of(tenant).orElseThrow();
        assertThat(rebuilt).isNotSameAs(cached);
        assertThat(rebuilt.getWxCpConfigStorage().getAgentId()).isEqualTo(7);
    }

    @Test
    void aTenantSendsAsItsOwnAppAndOneWithoutSettingsCannotSend() {
        // no baton.wecom.* here: nothing to fall back on
        Api admin = newTenant();
        long tenant = tenantId(admin);
        assertThat(this.gateway.configured(tenant)).isFalse();
        var card = new WeComGateway.TextCard("工单已指派", "T-1", "https://baton.example.com/t/1", "查看详情");
        assertThatThrownBy(() -> this.gateway.sendTextCard(tenant, List.of("zhang.san"), card))
                .isInstanceOf(WeComException.class)
                .hasMessageContaining("not configured");

        Map<String, Object> body = Map.of("corpId", FakeWeCom.CORP_ID, "agentId", 4242, "secret", FakeWeCom.SECRET);
        assertThat(admin.put("/api/v1/wecom/settings", body).status()).isEqualTo(200);
        assertThat(this.gateway.configured(tenant)).isTrue();
        this.gateway.sendTextCard(tenant, List.of("zhang.san"), card);
        assertThat(WECOM.sentTo("zhang.san"))
                .singleElement()
                .satisfies(m -> assertThat(m.path("agentid").asInt()).isEqualTo(4242));
        assertThat(this.db.fetchCount(WECOM_TOKENS, WECOM_TOKENS.TENANT_ID.eq(tenant)))
                .isOne();
    }
}
