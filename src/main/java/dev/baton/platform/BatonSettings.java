package dev.baton.platform;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Resolved start-up settings.
 *
 * @param demo demo mode: seeds the demo tenant and accepts the demo password
 * @param dataDir where the H2 file and attachments live
 * @param tokenTtl how long an access token is accepted
 */
public record BatonSettings(boolean demo, Path dataDir, Duration tokenTtl) {

    /** The password of every demo account; accepted only while demo mode is on. */
    public static final String DEMO_PASSWORD = "baton-demo";
}
