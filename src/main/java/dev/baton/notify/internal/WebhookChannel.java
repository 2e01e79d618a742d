package dev.baton.notify.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The tenant's outgoing webhook: the delivery's JSON body, signed with the tenant's secret in
 * {@code X-Baton-Signature: sha256=<hex HMAC-SHA256 of the body>} so the receiver can tell it came from Baton.
 */
@Component
class WebhookChannel implements NotificationChannel {

    static final String SIGNATURE = "X-Baton-Signature";

    private final TenantSettings settings;

    WebhookChannel(TenantSettings settings) {
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public boolean available(long tenantId) {
        return true;
    }

    /** A webhook belongs to the tenant, not to a person: see {@link OutboxNotifier}. */
    @Override
    public Optional<String> address(Recipient recipient) {
        return Optional.empty();
    }

    @Override
    public void send(Outgoing message) {
        String secret = this.settings.of(message.tenantId()).webhookSecret();
        Map<String, String> headers = secret == null ? Map.of() : Map.of(SIGNATURE, sign(secret, message.body()));
        JsonPost.send(message.address(), message.body(), headers);
    }

    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
