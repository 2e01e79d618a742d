package dev.baton.platform.internal;

import dev.baton.platform.BatonSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Resolves demo mode and the secrets. Demo mode is on by default only on the embedded H2 database;
 * anywhere else the token secret and the platform administrator's password must be configured, or
 * Baton refuses to start rather than run with a known password.
 */
@Configuration(proxyBeanMethods = false)
class SettingsConfig {

    static final int MIN_SECRET_LENGTH = 32;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BatonSettings batonSettings(Environment env) {
        String url = env.getProperty("spring.datasource.url", "");
        String demoSetting = env.getProperty("baton.demo", "");
        boolean demo = demoSetting.isBlank() ? url.startsWith("jdbc:h2:") : Boolean.parseBoolean(demoSetting);
        Path dataDir = Path.of(env.getProperty("baton.data-dir", "./data"))
                .toAbsolutePath()
                .normalize();
        Duration ttl = env.getProperty("baton.security.token-ttl", Duration.class, Duration.ofHours(12));
        String adminPassword = env.getProperty("baton.bootstrap.admin-password", "");
        if (!demo && adminPassword.equals(BatonSettings.DEMO_PASSWORD)) {
            throw new MissingSettingException(
                    "BATON_ADMIN_PASSWORD is the demo password, which is refused outside demo mode.",
                    "Choose another password for the platform administrator.");
        }
        if (!demo && adminPassword.isBlank()) {
            throw new MissingSettingException(
                    "Baton is not in demo mode and BATON_ADMIN_PASSWORD (the platform administrator's password) is not set.",
                    "Set BATON_ADMIN_PASSWORD (the password of 'root' in tenant 'platform') and BATON_TOKEN_SECRET"
                            + " (at least " + MIN_SECRET_LENGTH + " characters), or start in demo mode with"
                            + " BATON_DEMO=true (never in production).");
        }
        return new BatonSettings(demo, dataDir, ttl);
    }

    @Bean
    SecretKey tokenSigningKey(Environment env, BatonSettings settings) {
        String secret = env.getProperty("baton.security.token-secret", "");
        if (secret.isBlank()) {
            if (!settings.demo()) {
                throw new MissingSettingException(
                        "Baton is not in demo mode and BATON_TOKEN_SECRET (the key that signs access tokens) is not set.",
                        "Set BATON_TOKEN_SECRET to a random string of at least " + MIN_SECRET_LENGTH
                                + " characters (e.g. `openssl rand -base64 48`).");
            }
            secret = demoSecret(settings.dataDir());
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new MissingSettingException(
                    "BATON_TOKEN_SECRET is shorter than " + MIN_SECRET_LENGTH + " characters.",
                    "Use a random string of at least " + MIN_SECRET_LENGTH + " characters.");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Demo mode keeps a random secret in the data directory so log-ins survive a restart. */
    private static String demoSecret(Path dataDir) {
        Path file = dataDir.resolve(".token-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] bytes = new byte[48];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getEncoder().encodeToString(bytes);
            Files.createDirectories(dataDir);
            Files.writeString(file, secret);
            return secret;
        } catch (IOException e) {
            throw new MissingSettingException(
                    "Cannot read or create the demo token secret at " + file + ": " + e.getMessage(),
                    "Make BATON_DATA_DIR writable or set BATON_TOKEN_SECRET.");
        }
    }
}
