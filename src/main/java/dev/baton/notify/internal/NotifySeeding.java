package dev.baton.notify.internal;

import dev.baton.platform.TenantCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Gives every new tenant its notification settings row and the zh-CN templates, in the provisioning transaction. */
@Component
class NotifySeeding {

    private final TenantSettings settings;
    private final NotificationTemplates templates;

    NotifySeeding(TenantSettings settings, NotificationTemplates templates) {
        this.settings = settings;
        this.templates = templates;
    }

    @EventListener
    void seed(TenantCreated event) {
        this.settings.seed(event.tenantId());
        this.templates.seed(event.tenantId());
    }
}
