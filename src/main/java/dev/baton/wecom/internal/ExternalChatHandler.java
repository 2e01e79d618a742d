package dev.baton.wecom.internal;

import dev.baton.customer.CustomerSync;
import dev.baton.platform.BatonException;
import java.util.Map;
import me.chanjar.weixin.common.error.WxErrorException;
import org.springframework.stereotype.Component;

/**
 * {@code change_external_chat}: a customer group chat created or changed (name, members, owner) is read again from
 * WeCom and its link upserted ({@link CustomerSync#groupChat}); a dismissed one is unlinked (marked, the customer
 * stays). Idempotent like {@link ExternalContactHandler}.
 */
@Component
class ExternalChatHandler implements CallbackEventHandler {

    private final TenantServices services;
    private final WeComCustomers wecom;
    private final CustomerSync customers;

    ExternalChatHandler(TenantServices services, WeComCustomers wecom, CustomerSync customers) {
        this.services = services;
        this.wecom = wecom;
        this.customers = customers;
    }

    @Override
    public java.util.Set<String> events() {
        return java.util.Set.of("change_external_chat");
    }

    @Override
    public Outcome handle(long tenantId, Map<String, String> fields) {
        String change = fields.getOrDefault("ChangeType", "");
        String chatId = fields.getOrDefault("ChatId", "");
        if (chatId.isEmpty()) {
            return Outcome.failed("no ChatId");
        }
        CustomerSync.Change done;
        if (change.equals("dismiss")) {
            done = this.customers.groupChatGone(tenantId, chatId);
        } else if (change.equals("create") || change.equals("update")) {
            var wx = this.services.of(tenantId).orElse(null);
            if (wx == null) {
                return Outcome.failed("WeCom is not configured");
            }
            try {
                done = this.customers.groupChat(tenantId, this.wecom.groupChat(wx, chatId), 0);
            } catch (WxErrorException e) {
                return Outcome.failed("WeCom refused group " + chatId + ": " + e.getError());
            } catch (BatonException e) {
                return Outcome.failed("WeCom unavailable for group " + chatId + ": " + e.type());
            }
        } else {
            return Outcome.ignored("change_external_chat/" + change + " not handled");
        }
        return Outcome.done(change + " " + chatId + ": " + done.name().toLowerCase(java.util.Locale.ROOT));
    }
}
