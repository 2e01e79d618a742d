package dev.baton.wecom;

import static dev.baton.platform.db.Tables.WECOM_INBOX;
import static dev.baton.platform.db.Tables.WECOM_SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.baton.support.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A tenant's WeCom app: its settings (secrets sealed, never read back, "test connection" against the fake WeCom) and
 * its callback address, fed genuinely encrypted callbacks built with WxJava's implementation of WeCom's algorithm.
 */
class WeComCallbackIT extends WeComIntegrationTest {

    private static final String TOKEN = "batonToken42";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @Autowired
    Scheduler slaScheduler;

    @Test
    void settingsAreCheckedFieldByFieldSealedAtRestAndNeverReadBack() {
        Api admin = newTenant().english();
        Api.Response bad =
                admin.put("/api/v1/wecom/settings", Map.of("corpId", "ww 1", "agentId", 0, "encodingAesKey", "short"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("corpId", "agentId", "secret", "encodingAesKey");

        Api.Response saved = save(admin, null, FakeWeCom.SECRET);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain(FakeWeCom.SECRET, TOKEN, AES_KEY);
        assertThat(saved.json().path("secretSet").asBoolean()).isTrue();
        assertThat(saved.text("callbackUrl")).endsWith("/wecom/callback/" + code(admin));
        // every WeCom IT's tenant uses the fake corp: this tenant's row
        var row = this.db.fetchOne(WECOM_SETTINGS, WECOM_SETTINGS.TENANT_ID.eq(tenantId(admin)));
        assertThat(row).isNotNull();
        assertThat(row.getSecretEnc()).doesNotContain(FakeWeCom.SECRET);
        assertThat(row.getAesKeyEnc()).doesNotContain(AES_KEY);

        assertThat(admin.post("/api/v1/wecom/settings/test", null)
                        .json()
                        .path("ok")
                        .asBoolean())
                .isTrue();
        // a stale version is a conflict; leaving the secret out keeps it
        assertThat(save(admin, null, "other").status())
                .as("the version is required")
                .isEqualTo(400);
        Api.Response stale = save(admin, 5, "other");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("currentVersion").asInt()).isZero();
        Api.Response wrong = save(admin, 0, "wrong-secret");
        assertThat(wrong.status()).isEqualTo(200);
        Api.Response test = admin.post("/api/v1/wecom/settings/test", null);
        assertThat(test.json().path("ok").asBoolean()).isFalse();
        assertThat(test.json().path("errcode").asInt()).isEqualTo(40001);
        Map<String, Object> keep = new HashMap<>(Map.of("corpId", FakeWeCom.CORP_ID, "agentId", 7, "version", 1));
        assertThat(admin.put("/api/v1/wecom/settings", keep)
                        .json()
                        .path("secretSet")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void theCallbackUrlCheckAnswersTheDecryptedEchoAndRefusesAForgedOne() {
        Api admin = newTenant();
        assertThat(save(admin, null, FakeWeCom.SECRET).status()).isEqualTo(200);
        String echo = crypt(FakeWeCom.CORP_ID).encrypt("echo-1234567890");
        String query = query("1733000000", "n0nce", echo, signature("1733000000", "n0nce", echo));

        Api.Response ok = api().get("/wecom/callback/" + code(admin) + query + "&echostr=" + enc(echo));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("echo-1234567890");

        String forged = query("1733000000", "n0nce", echo, "0".repeat(40));
        assertThat(api().get("/wecom/callback/" + code(admin) + forged + "&echostr=" + enc(echo))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aCardPressDeliveredThreeTimesAcceptsTheTicketOnceAsThePresser() {
        Api admin = newTenant();
        assertThat(save(admin, null, FakeWeCom.SECRET).status()).isEqualTo(200);
        Map<String, Long> roles = roleIds(admin);
        long root = admin.get("/api/v1/departments").json().get(0).path("id").asLong();
        long agent = createUser(admin, "li.na", List.of(root), List.of(roles.get("agent")));
        int userVersion =
                admin.get("/api/v1/users/" + agent).json().path("version").asInt();
        assertThat(admin.put(
                                "/api/v1/users/" + agent,
                                Map.of("displayName", "李娜", "wecomUserId", "LiNa", "version", userVersion))
                        .status())
                .isEqualTo(200);
        long ticket = ticketForAgents(admin);
        String key = CardKeys.accept(ticket, 0, "handle");
        String message = "<xml><ToUserName><![CDATA[" + FakeWeCom.CORP_ID + "]]></ToUserName>"
                + "<FromUserName><![CDATA[LiNa]]></FromUserName><CreateTime>1733000000</CreateTime>"
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>"
                + "<EventKey><![CDATA[" + key + "]]></EventKey><TaskId><![CDATA[t-" + ticket + "]]></TaskId>"
                + "<CardType><![CDATA[button_interaction]]></CardType><AgentID>1000002</AgentID></xml>";

        for (int i = 0; i < 3; i++) {
            Api.Response r = post(admin, crypt(FakeWeCom.CORP_ID).encrypt(message));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("success");
        }
        assertThat(this.db.fetchCount(WECOM_INBOX, WECOM_INBOX.FROM_USER.eq("LiNa")))
                .isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            this.slaScheduler.triggerCheckForDueExecutions();
            return admin.get("/api/v1/tickets/" + ticket)
                            .json()
                            .at("/nodes/0/handlers/0/userId")
                            .asLong()
                    == agent;
        });
        assertThat(admin.get("/api/v1/tickets/" + ticket).text("status")).isEqualTo("in_progress");
        var row = this.db.fetchOne(WECOM_INBOX, WECOM_INBOX.FROM_USER.eq("LiNa"));
        assertThat(row.getStatus()).isEqualTo("done");
        assertThat(row.getOutcome()).startsWith("accepted GD");
    }

    @Test
    void aForgedMisaddressedOrGarbledCallbackIsRefusedAndNothingIsKept() {
        Api admin = newTenant();
        assertThat(save(admin, null, FakeWeCom.SECRET).status()).isEqualTo(200);
        String message = "<xml><FromUserName>x</FromUserName><MsgType>event</MsgType><Event>x</Event></xml>";
        int before = this.db.fetchCount(WECOM_INBOX);

        String otherCorp = crypt("wwsomeoneelse").encrypt(message);
        assertThat(post(admin, otherCorp).status()).isEqualTo(403);
        String good = crypt(FakeWeCom.CORP_ID).encrypt(message);
        String forged = query("1733000000", "n0nce", good, signature("1733000000", "n0nce", good + "x"));
        Api.Response forgedAnswer =
                api().sendText("POST", "/wecom/callback/" + code(admin) + forged, "text/xml", envelope(good));
        assertThat(forgedAnswer.status()).isEqualTo(403);
        assertThat(forgedAnswer.text("type")).endsWith("/wecom-callback-refused");
        Api.Response garbage =
                api().sendText("POST", "/wecom/callback/" + code(admin) + forged, "text/xml", "<<not xml");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(api().sendText("POST", "/wecom/callback/nosuchtenant" + forged, "text/xml", envelope(good))
                        .status())
                .isEqualTo(404);

        assertThat(this.db.fetchCount(WECOM_INBOX)).isEqualTo(before);
    }

    private Api.Response post(Api admin, String encrypted) {
        String query = query("1733000001", "abc", encrypted, signature("1733000001", "abc", encrypted));
        return api().sendText("POST", "/wecom/callback/" + code(admin) + query, "text/xml", envelope(encrypted));
    }

    private static String envelope(String encrypted) {
        return "<xml><ToUserName><![CDATA[" + FakeWeCom.CORP_ID + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
    }

    private static Api.Response save(Api admin, Integer version, String secret) {
        Map<String, Object> body = new HashMap<>();
        body.put("corpId", FakeWeCom.CORP_ID);
        body.put("agentId", FakeWeCom.AGENT_ID);
        body.put("secret", secret);
        body.put("token", TOKEN);
        body.put("encodingAesKey", AES_KEY);
        body.put("version", version);
        return admin.put("/api/v1/wecom/settings", body);
    }

    /** A ticket whose 受理 task waits for any agent. */
    private static long ticketForAgents(Api admin) {
        Api.Response t = admin.post("/api/v1/templates", Map.of("name", "报修", "code", "repair", "fields", List.of()));
        Map<String, Object> handle = new HashMap<>();
        handle.put("id", "handle");
        handle.put("type", "task");
        handle.put("name", "受理");
        handle.put("assignee", Map.of("strategy", "role", "roleCode", "agent"));
        handle.put("next", null);
        Api.Response flow = admin.post(
                "/api/v1/flows",
                Map.of(
                        "name",
                        "报修流程",
                        "templateId",
                        t.id(),
                        "definition",
                        Map.of("id", "start", "type", "start", "name", "提交", "next", handle)));
        assertThat(admin.post("/api/v1/flows/" + flow.id() + "/publish", Map.of("version", 0))
                        .status())
                .isEqualTo(200);
        Api.Response created = admin.post("/api/v1/tickets", Map.of("templateId", t.id(), "title", "空调不制冷"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.id();
    }

    /** WeCom's encryption as WxJava implements it, for the given receiving corp: the bare base64 ciphertext. */
    private static Sealer crypt(String corpId) {
        WxCryptUtil util = new WxCryptUtil(TOKEN, AES_KEY, corpId);
        return plain -> util.encrypt("0123456789abcdef", plain);
    }

    private interface Sealer {
        String encrypt(String plain);
    }

    private static String signature(String timestamp, String nonce, String encrypted) {
        return SHA1.gen(TOKEN, timestamp, nonce, encrypted);
    }

    private static String query(String timestamp, String nonce, String encrypted, String signature) {
        return "?msg_signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
