package dev.baton.wecom.internal;

import dev.baton.platform.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's WeCom app: read (without secrets), save, and "test connection". */
@RestController
@RequestMapping("/api/v1/wecom/settings")
@PreAuthorize("hasAuthority('settings.manage')")
class WeComSettingsController {

    private final WeComSettings settings;
    private final ConnectionTest test;

    WeComSettingsController(WeComSettings settings, ConnectionTest test) {
        this.settings = settings;
        this.test = test;
    }

    @GetMapping
    WeComSettingsView read() {
        return this.settings.view(CurrentUser.require().tenantId());
    }

    @PutMapping
    WeComSettingsView save(@RequestBody WeComSettingsCommand cmd) {
        return this.settings.save(CurrentUser.require().tenantId(), cmd);
    }

    @PostMapping("/test")
    ConnectionTest.Result test() {
        return this.test.run(CurrentUser.require().tenantId());
    }
}
