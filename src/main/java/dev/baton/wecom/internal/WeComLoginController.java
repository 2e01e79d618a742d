package dev.baton.wecom.internal;

import static dev.baton.platform.db.Tables.USERS;

import dev.baton.org.SignIn;
import dev.baton.platform.BatonException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Log-in inside WeCom (the chat sidebar, the workbench): the page passes the OAuth code WeCom gave it, WeCom names
 * the member ({@code /cgi-bin/auth/getuserinfo} with the tenant's app), and the Baton user with that WeCom id in that
 * tenant gets the same session as the password log-in.
 */
@RestController
class WeComLoginController {

    private static final Logger log = LoggerFactory.getLogger(WeComLoginController.class);

    private final WeComSettings settings;
    private final TenantServices services;
    private final DSLContext db;
    private final SignIn signIn;
    private final WeComCalls calls;

    WeComLoginController(
            WeComSettings settings, TenantServices services, DSLContext db, SignIn signIn, WeComCalls calls) {
        this.settings = settings;
        this.services = services;
        this.db = db;
        this.signIn = signIn;
        this.calls = calls;
    }

    record WeComLogin(
            @NotBlank @Size(max = 32) String tenant,
            @NotBlank @Size(max = 512) String code) {}

    @PostMapping("/api/v1/auth/wecom")
    SignIn.LoginResponse login(@Valid @RequestBody WeComLogin request) {
        long tenantId = this.settings
                .tenantOf(request.tenant().strip())
                .orElseThrow(() -> refused("wecom-login-tenant", request.tenant()));
        WxCpService wx = this.services.of(tenantId).orElseThrow(() -> refused("wecom-login-tenant", request.tenant()));
        String weComUserId;
        try {
            // a network failure or a busy WeCom is a 502/503/504 problem (WeComCalls), not a refused code
            weComUserId = this.calls
                    .call("auth/getuserinfo", () -> wx.getOauth2Service().getAuthUserInfo(request.code()))
                    .getUserId();
        } catch (WxErrorException e) {
            log.info("WeCom refused an OAuth code for tenant {}: {}", request.tenant(), e.getError());
            throw refused("wecom-login-code", String.valueOf(e.getError().getErrorCode()));
        }
        if (weComUserId == null || weComUserId.isBlank()) {
            // a visitor outside the corp (WeCom answers an openid instead)
            throw refused("wecom-login-code", "0");
        }
        String member = weComUserId;
        return this.db
                .select(USERS.ID)
                .from(USERS)
                .where(USERS.TENANT_ID.eq(tenantId), USERS.WECOM_USER_ID.eq(member))
                .fetchOptional(USERS.ID)
                .flatMap(userId -> this.signIn.session(tenantId, userId))
                .orElseThrow(() -> refused("wecom-login-user", member));
    }

    private static BatonException refused(String type, Object arg) {
        return new BatonException(HttpStatus.UNAUTHORIZED, type, arg);
    }
}
