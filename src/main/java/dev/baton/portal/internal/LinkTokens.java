package dev.baton.portal.internal;

import dev.baton.platform.BatonException;
import dev.baton.platform.SecretBox;
import dev.baton.portal.ProgressLinks;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Signed progress-link tokens. A token is the URL-safe base64 (no padding) of
 * {@code version (1 byte) ‖ tenant id (8) ‖ ticket id (8) ‖ expiry in epoch seconds (8) ‖ HMAC-SHA256 of those 25
 * bytes, truncated to 16}: 41 bytes, 55 characters. Nothing is stored, so a link cannot be revoked before it expires
 * except by changing the secrets key (which voids every link). The MAC key is HKDF-derived from the installation's
 * secrets key for this purpose alone ({@link SecretBox#derivedKey}).
 */
@Component
class LinkTokens implements ProgressLinks {

    private static final byte VERSION = 1;
    private static final int PAYLOAD = 25;
    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration ttl;

    LinkTokens(SecretBox secrets, Clock clock, @Value("${baton.portal.link-ttl:90d}") Duration ttl) {
        this.key = new SecretKeySpec(secrets.derivedKey("portal-progress-link"), "HmacSHA256");
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Whose ticket a valid token opens. */
    record Target(long tenantId, long ticketId) {}

    @Override
    public ProgressLink issue(long tenantId, long ticketId) {
        Instant expires = this.clock.instant().plus(this.ttl);
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD + MAC_BYTES)
                .put(VERSION)
                .putLong(tenantId)
                .putLong(ticketId)
                .putLong(expires.getEpochSecond());
        byte[] bytes = payload.array();
        System.arraycopy(mac(bytes), 0, bytes, PAYLOAD, MAC_BYTES);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new ProgressLink("/p/" + token, token, Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    /** The ticket a token opens; a tampered, foreign or expired token is one and the same 404. */
    Target open(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw unknown();
        }
        // Re-encoding must give the token back: the decoder ignores the spare bits of the last character.
        if (bytes.length != PAYLOAD + MAC_BYTES
                || bytes[0] != VERSION
                || !Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(bytes)
                        .equals(token)
                || !MessageDigest.isEqual(
                        Arrays.copyOf(mac(bytes), MAC_BYTES), Arrays.copyOfRange(bytes, PAYLOAD, bytes.length))) {
            throw unknown();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 1, PAYLOAD - 1);
        long tenant = b.getLong();
        long ticket = b.getLong();
        long expires = b.getLong();
        if (this.clock.instant().getEpochSecond() >= expires) {
            throw unknown();
        }
        return new Target(tenant, ticket);
    }

    private byte[] mac(byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(this.key);
            mac.update(bytes, 0, PAYLOAD);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static BatonException unknown() {
        return new BatonException(HttpStatus.NOT_FOUND, "progress-link-unknown");
    }
}
