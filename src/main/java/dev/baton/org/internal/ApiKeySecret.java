package dev.baton.org.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API key format {@code bk_<tenantId>_<43 random url-safe chars>}: the tenant id lets the key be
 * found by (tenant, hash) — both lead the unique index — and 256 random bits make guessing futile.
 * Only the SHA-256 is stored; a slow hash is unnecessary for keys this long.
 */
final class ApiKeySecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecret() {}

    static String generate(long tenantId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "bk_" + tenantId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Optional<Parsed> parse(String raw) {
        String[] parts = raw.split("_", 3);
        if (parts.length != 3
                || !parts[0].equals("bk")
                || !parts[1].matches("[0-9]{1,18}")
                || parts[2].length() != 43) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(Long.parseLong(parts[1]), hash(raw)));
    }

    static String hash(String raw) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Parsed(long tenantId, String hash) {}
}
