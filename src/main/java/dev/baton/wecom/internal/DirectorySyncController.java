package dev.baton.wecom.internal;

import dev.baton.platform.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** "Sync directory" (同步通讯录): WeCom's departments and members into the organisation, now. */
@RestController
@PreAuthorize("hasAuthority('settings.manage')")
class DirectorySyncController {

    private final SyncingDirectory syncing;

    DirectorySyncController(SyncingDirectory syncing) {
        this.syncing = syncing;
    }

    @PostMapping("/api/v1/wecom/sync/directory")
    SyncCounts sync() {
        return this.syncing.sync(CurrentUser.require().tenantId());
    }
}
