package dev.baton.wecom.internal;

import dev.baton.platform.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** An administrator's full customer sync from WeCom (the same permission as the WeCom settings). */
@RestController
class CustomerSyncController {

    private final CustomerSyncRun sync;

    CustomerSyncController(CustomerSyncRun sync) {
        this.sync = sync;
    }

    @PostMapping("/api/v1/wecom/sync/customers")
    @PreAuthorize("hasAuthority('settings.manage')")
    CustomerSyncRun.Counts sync() {
        return this.sync.run(CurrentUser.require().tenantId());
    }
}
