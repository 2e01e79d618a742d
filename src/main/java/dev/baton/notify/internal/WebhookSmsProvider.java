package dev.baton.notify.internal;

import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through an HTTP webhook: POSTs {@code {"mobile": …, "text": …}} to {@code baton.notify.sms-webhook-url},
 * where a small adapter of the company's SMS vendor (Aliyun, Tencent Cloud, …) takes it.
 */
@Component
class WebhookSmsProvider implements SmsProvider {

    private final NotifyProperties properties;
    private final JsonMapper json;

    WebhookSmsProvider(NotifyProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public boolean configured() {
        String url = this.properties.smsWebhookUrl();
        return url != null && !url.isBlank();
    }

    @Override
    public void send(String mobile, String text) {
        String url = this.properties.smsWebhookUrl();
        if (url == null || url.isBlank()) {
            throw new DeliveryFailure("no SMS provider is configured (baton.notify.sms-webhook-url)", false);
        }
        JsonPost.send(url, this.json.writeValueAsString(Map.of("mobile", mobile, "text", text)), Map.of());
    }
}
