package dev.baton.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A page opened in WeCom signs its member in with WeCom's OAuth code instead of a password. */
class WeComLoginIT extends WeComIntegrationTest {

    @Test
    void theMemberWithThatWeComIdGetsTheSameSessionAsThePasswordLogIn() {
        Api admin = newTenant().english();
        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        connect(admin);
        long root = admin.get("/api/v1/departments").json().get(0).path("id").asLong();
        long agent =
                createUser(admin, "li.na", List.of(root), List.of(roleIds(admin).get("agent")));
        int version = admin.get("/api/v1/users/" + agent).json().path("version").asInt();
        assertThat(admin.put(
                                "/api/v1/users/" + agent,
                                Map.of("displayName", "李娜", "wecomUserId", "LiNa", "version", version))
                        .status())
                .isEqualTo(200);

        Api.Response signedIn =
                api().post("/api/v1/auth/wecom", Map.of("tenant", tenant, "code", WECOM.oauthCode("LiNa")));
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.text("expiresAt")).isNotBlank();
        assertThat(signedIn.at("/user/username").asString()).isEqualTo("li.na");
        assertThat(signedIn.at("/user/displayName").asString()).isEqualTo("李娜");
        Api lina = api().token(signedIn.text("accessToken"));
        assertThat(lina.get("/api/v1/auth/me").at("/username").asString()).isEqualTo("li.na");
        // the same shape as the password log-in
        Api.Response password = api().post(
                        "/api/v1/auth/login",
                        Map.of("tenant", tenant, "username", "li.na", "password", "Secret-123456"));
        assertThat(password.text("accessToken")).isNotBlank();
        assertThat(password.json().path("user")).isEqualTo(signedIn.json().path("user"));
    }

    @Test
    void anUnknownTenantCodeOrMemberIsRefusedWithWhatWentWrong() {
        Api admin = newTenant().english();
        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        Api english = api().english();

        Api.Response noWeCom = english.post("/api/v1/auth/wecom", Map.of("tenant", tenant, "code", "x"));
        assertThat(noWeCom.status()).isEqualTo(401);
        assertThat(noWeCom.text("type")).endsWith("/wecom-login-tenant");
        assertThat(english.post("/api/v1/auth/wecom", Map.of("tenant", "no-such-tenant", "code", "x"))
                        .text("type"))
                .endsWith("/wecom-login-tenant");

        connect(admin);
        Api.Response badCode = english.post("/api/v1/auth/wecom", Map.of("tenant", tenant, "code", "forged"));
        assertThat(badCode.status()).isEqualTo(401);
        assertThat(badCode.text("type")).endsWith("/wecom-login-code");
        assertThat(badCode.text("detail")).contains("40029");

        Api.Response stranger =
                english.post("/api/v1/auth/wecom", Map.of("tenant", tenant, "code", WECOM.oauthCode("ZhangSan")));
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.text("type")).endsWith("/wecom-login-user");
        assertThat(stranger.text("detail")).contains("ZhangSan", "not linked");

        Api.Response missing = english.post("/api/v1/auth/wecom", Map.of("tenant", tenant));
        assertThat(missing.status()).isEqualTo(400);
    }
}
