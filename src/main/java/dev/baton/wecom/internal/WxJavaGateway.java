package dev.baton.wecom.internal;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.baton.wecom.WeComException;
import dev.baton.wecom.WeComGateway;
import java.util.List;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.bean.templatecard.HorizontalContent;
import me.chanjar.weixin.cp.bean.templatecard.TemplateCardButton;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import me.chanjar.weixin.cp.constant.WxCpApiPathConsts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@link WeComGateway} over WxJava's {@code WxCpServiceImpl}, which fetches the access token (and fetches a new one
 * when WeCom says it expired): the tenant's own service ({@link TenantServices}, tokens shared in the database), or
 * for a tenant without WeCom settings the installation's corp from {@code baton.wecom.*}, its token in memory.
 */
@Component
@EnableConfigurationProperties(WeComProperties.class)
class WxJavaGateway implements WeComGateway {

    private final WeComProperties properties;
    private final TenantServices tenants;
    private final WxCpService installation;

    WxJavaGateway(WeComProperties properties, TenantServices tenants, WeComHttpClient http) {
        this.properties = properties;
        this.tenants = tenants;
        WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
        config.setBaseApiUrl(properties.baseUrl());
        config.setCorpId(properties.corpId());
        config.setCorpSecret(properties.secret());
        config.setAgentId(properties.agentId());
        config.setApacheHttpClientBuilder(http);
        WxCpServiceImpl wx = new SingleTryWxCpService();
        wx.setWxCpConfigStorage(config);
        this.installation = wx;
    }

    @Override
    public boolean configured(long tenantId) {
        return this.properties.complete() || this.tenants.of(tenantId).isPresent();
    }

    @Override
    public void sendTextCard(long tenantId, List<String> userIds, TextCard card) {
        WxCpService service = service(tenantId);
        send(
                service,
                WxCpMessage.TEXTCARD()
                        .agentId(service.getWxCpConfigStorage().getAgentId())
                        .toUser(String.join("|", userIds))
                        .title(card.title())
                        .description(card.description())
                        .url(card.url())
                        .btnTxt(card.buttonText())
                        .build());
    }

    @Override
    public void sendTemplateCard(long tenantId, List<String> userIds, TemplateCard card) {
        WxCpService service = service(tenantId);
        List<HorizontalContent> rows = card.rows().stream()
                .map(r -> HorizontalContent.builder()
                        .keyname(r.name())
                        .value(r.value())
                        .build())
                .toList();
        List<TemplateCardButton> buttons = card.buttons().stream()
                .map(b -> TemplateCardButton.builder()
                        .text(b.text())
                        // WeCom's styles: 1 the prominent blue one, 2 plain
                        .style(b.primary() ? 1 : 2)
                        .key(b.key())
                        .type(b.url() != null ? 1 : 0)
                        .url(b.url())
                        .build())
                .toList();
        send(
                service,
                WxCpMessage.TEMPLATECARD()
                        .agentId(service.getWxCpConfigStorage().getAgentId())
                        .toUser(String.join("|", userIds))
                        .cardType(WxConsts.TemplateCardType.BUTTON_INTERACTION)
                        .taskId(card.taskId())
                        .mainTitleTitle(card.title())
                        .subTitleText(card.description())
                        .horizontalContents(rows)
                        .cardActionType(1)
                        .cardActionUrl(card.url())
                        .buttons(buttons)
                        .build());
    }

    private WxCpService service(long tenantId) {
        return this.tenants.of(tenantId).orElseGet(() -> {
            if (!this.properties.complete()) {
                throw new WeComException(
                        -1, "WeCom is not configured (the tenant's WeCom settings, or baton.wecom.*)", true);
            }
            return this.installation;
        });
    }

    private void send(WxCpService service, WxCpMessage message) {
        String answer;
        try {
            // posted by hand rather than through getMessageService().send(): its result drops "unlicenseduser"
            answer = service.post(
                    service.getWxCpConfigStorage().getApiUrl(WxCpApiPathConsts.Message.MESSAGE_SEND), message.toJson());
        } catch (WxErrorException e) {
            int code = e.getError().getErrorCode();
            throw new WeComException(code, e.getError().toString(), WeComErrors.permanent(code));
        } catch (RuntimeException e) {
            // WxJava wraps I/O failures (refused connection, timeout) in runtime exceptions
            throw new WeComException(-1, String.valueOf(e.getMessage()), false);
        }
        JsonObject json = JsonParser.parseString(answer).getAsJsonObject();
        String refused = refusedUsers(json, "invaliduser") + refusedUsers(json, "unlicenseduser");
        if (!refused.isEmpty()) {
            throw new WeComException(0, answer, true);
        }
    }

    private static String refusedUsers(JsonObject json, String key) {
        return json.has(key) && !json.get(key).isJsonNull() ? json.get(key).getAsString() : "";
    }
}
