package dev.baton.wecom;

import static dev.baton.wecom.FakeCustomers.follower;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * WeCom busy (errcode -1) or silent: look-ups are asked again a bounded number of times (three in all) and then the
 * administrator gets a problem naming what went wrong — 503 with WeCom's errcode, 504 with the wait — never a 500;
 * and tickets are still opened meanwhile.
 */
class WeComOutageIT extends WeComIntegrationTest {

    private static final String FOLLOWERS = "/cgi-bin/externalcontact/get_follow_user_list";

    @AfterEach
    void calm() {
        WECOM.trouble().clear();
        WECOM.customers().clear();
    }

    @Test
    void aBusyWeComIsAskedAgainThenTheSyncStopsWithWeComsErrcode() {
        Api admin = newTenant().english();
        connect(admin);
        WECOM.customers().clear();
        WECOM.customers().put("wmO1", "王磊", "", follower("LiO", 1, ""));

        int before = WECOM.trouble().calls(FOLLOWERS);
        WECOM.trouble().fail(FOLLOWERS, 2, -1);
        Api.Response retried = admin.post("/api/v1/wecom/sync/customers", null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().path("created").asInt()).isEqualTo(1);
        assertThat(WECOM.trouble().calls(FOLLOWERS) - before).isEqualTo(3);

        WECOM.trouble().fail(FOLLOWERS, 3, -1);
        Api.Response busy = admin.post("/api/v1/wecom/sync/customers", null);
        assertThat(busy.status()).as(busy.body()).isEqualTo(503);
        assertThat(busy.text("type")).endsWith("/wecom-busy");
        assertThat(busy.json().path("errcode").asInt()).isEqualTo(-1);
        assertThat(busy.json().path("attempts").asInt()).isEqualTo(3);
        assertThat(busy.text("detail")).contains("system busy");
        assertThat(WECOM.trouble().calls(FOLLOWERS) - before).isEqualTo(6);
    }

    @Test
    void aSilentWeComIsA504ForTheSyncTheJsSdkTheConnectionTestAndTheLogIn() {
        Api admin = newTenant().english();
        connect(admin);

        WECOM.trouble().silence(FOLLOWERS, 3);
        Api.Response sync = admin.post("/api/v1/wecom/sync/customers", null);
        assertThat(sync.status()).as(sync.body()).isEqualTo(504);
        assertThat(sync.text("type")).endsWith("/wecom-timeout");
        assertThat(sync.text("detail")).contains("within 1 s");

        WECOM.trouble().silence("/cgi-bin/get_jsapi_ticket", 3);
        Api.Response signature = admin.get("/api/v1/wecom/jsapi/signature?url=https://baton.example/sidebar");
        assertThat(signature.status()).as(signature.body()).isEqualTo(504);

        WECOM.trouble().silence("/cgi-bin/gettoken", 3);
        Api.Response test = admin.post("/api/v1/wecom/settings/test", null);
        assertThat(test.status()).as(test.body()).isEqualTo(504);
        assertThat(test.text("type")).endsWith("/wecom-timeout");

        String code = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        WECOM.trouble().fail("/cgi-bin/auth/getuserinfo", 3, -1);
        Api.Response login =
                api().post("/api/v1/auth/wecom", Map.of("tenant", code, "code", WECOM.oauthCode("SomeoneO")));
        assertThat(login.status()).as(login.body()).isEqualTo(503);

        // one busy answer is asked again and the page gets its signature
        WECOM.trouble().fail("/cgi-bin/ticket/get", 1, -1);
        assertThat(admin.get("/api/v1/wecom/jsapi/signature?url=https://baton.example/sidebar")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void ticketsAreOpenedWhileWeComFails() {
        Api admin = newTenant();
        connect(admin);
        long me = admin.get("/api/v1/auth/me").json().path("id").asLong();
        int version = admin.get("/api/v1/users/" + me).json().path("version").asInt();
        Api.Response named = admin.put(
                "/api/v1/users/" + me, Map.of("displayName", "老板", "wecomUserId", "BossO", "version", version));
        assertThat(named.status()).as(named.body()).isEqualTo(200);
        long template = admin.post("/api/v1/templates", Map.of("name", "报修", "code", "repair", "fields", List.of()))
                .id();
        Map<String, Object> handle = new HashMap<>();
        handle.put("id", "handle");
        handle.put("type", "task");
        handle.put("name", "受理");
        handle.put("assignee", Map.of("strategy", "creator"));
        handle.put("next", null);
        long flow = admin.post(
                        "/api/v1/flows",
                        Map.of(
                                "name",
                                "报修流程",
                                "templateId",
                                template,
                                "definition",
                                Map.of("id", "start", "type", "start", "name", "提交", "next", handle)))
                .id();
        Api.Response published = admin.post("/api/v1/flows/" + flow + "/publish", Map.of("version", 0));
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        WECOM.trouble().fail("/cgi-bin/", 1000, -1);
        Api.Response created = admin.post("/api/v1/tickets", Map.of("templateId", template, "title", "空调不制冷"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(admin.post("/api/v1/wecom/sync/customers", null).status()).isEqualTo(503);
    }
}
