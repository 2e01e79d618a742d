package dev.baton.platform.internal;

import dev.baton.platform.BatonSettings;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started Baton where it is and, in demo mode, how to log in. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final BatonSettings settings;

    ReadyBanner(BatonSettings settings) {
        this.settings = settings;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        log.info(
                "Baton is ready at http://localhost:{} (started in {} ms, data in {})",
                port,
                uptime,
                this.settings.dataDir());
        if (this.settings.demo()) {
            log.info(
                    "Demo mode: log in with tenant 'demo', user 'admin', password '{}' (platform: tenant 'platform', user 'root')",
                    BatonSettings.DEMO_PASSWORD);
        }
    }
}
