package dev.baton.wecom.internal;

import dev.baton.platform.BatonException;
import dev.baton.platform.ForbiddenException;
import dev.baton.platform.NotFoundException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeCom's callback address for a tenant's app ({@code /wecom/callback/<tenant code>}, no log-in: WeCom proves itself
 * by the signature). {@code GET} is the URL check when the address is saved in WeCom's console; {@code POST}
 * delivers an event. Each must carry a valid signature over the ciphertext and decrypt to the tenant's corp id;
 * anything else is refused (403, logged) and nothing is kept. A good event is kept and answered {@code success}
 * at once; the work happens afterwards ({@link CallbackInbox}).
 */
@RestController
@RequestMapping("/wecom/callback/{tenant}")
class WeComCallbackController {

    private static final Logger log = LoggerFactory.getLogger(WeComCallbackController.class);

    private final WeComSettings settings;
    private final CallbackInbox inbox;

    WeComCallbackController(WeComSettings settings, CallbackInbox inbox) {
        this.settings = settings;
        this.inbox = inbox;
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String verifyUrl(
            @PathVariable String tenant,
            @RequestParam("msg_signature") String signature,
            @RequestParam String timestamp,
            @RequestParam String nonce,
            @RequestParam String echostr) {
        Target t = target(tenant);
        return open(t, tenant, timestamp, nonce, echostr, signature).message();
    }

    @PostMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String receive(
            @PathVariable String tenant,
            @RequestParam("msg_signature") String signature,
            @RequestParam String timestamp,
            @RequestParam String nonce,
            @RequestBody(required = false) String body) {
        Target t = target(tenant);
        String encrypted;
        Map<String, String> fields;
        try {
            encrypted = CallbackXml.read(body == null ? "" : body).get("Encrypt");
            if (encrypted == null || encrypted.isEmpty()) {
                throw new CallbackXml.Unreadable("no Encrypt element");
            }
        } catch (CallbackXml.Unreadable e) {
            log.warn("WeCom callback for {} refused: {}", tenant, e.getMessage());
            throw new BatonException(HttpStatus.BAD_REQUEST, "wecom-callback-unreadable");
        }
        CallbackCrypto.Opened opened = open(t, tenant, timestamp, nonce, encrypted, signature);
        try {
            fields = CallbackXml.read(opened.message());
        } catch (CallbackXml.Unreadable e) {
            log.warn("WeCom callback for {} refused after decryption: {}", tenant, e.getMessage());
            throw new BatonException(HttpStatus.BAD_REQUEST, "wecom-callback-unreadable");
        }
        boolean kept = this.inbox.keep(t.tenantId(), opened.message(), fields);
        if (!kept) {
            log.debug("WeCom callback for {} was a retry of one already kept", tenant);
        }
        return "success";
    }

    private record Target(long tenantId, WeComSettings.Credentials credentials) {}

    private Target target(String tenant) {
        long tenantId = this.settings.tenantOf(tenant).orElseThrow(() -> new NotFoundException("tenant", tenant));
        var credentials = this.settings
                .credentials(tenantId)
                .filter(c -> c.token() != null && c.aesKey() != null)
                .orElseThrow(() -> new NotFoundException("wecom_callback", tenant));
        return new Target(tenantId, credentials);
    }

    private CallbackCrypto.Opened open(
            Target t, String tenant, String timestamp, String nonce, String encrypted, String signature) {
        var c = t.credentials();
        try {
            CallbackCrypto.verify(java.util.Objects.requireNonNull(c.token()), timestamp, nonce, encrypted, signature);
            CallbackCrypto.Opened opened = CallbackCrypto.open(java.util.Objects.requireNonNull(c.aesKey()), encrypted);
            if (!opened.receiveId().equals(c.corpId())) {
                throw new CallbackCrypto.Refused("encrypted for another corp: " + opened.receiveId());
            }
            return opened;
        } catch (CallbackCrypto.Refused e) {
            log.warn("WeCom callback for {} refused: {}", tenant, e.getMessage());
            throw new ForbiddenException("wecom-callback-refused");
        }
    }
}
