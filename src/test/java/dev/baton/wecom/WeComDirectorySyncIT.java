package dev.baton.wecom;

import static dev.baton.platform.db.Tables.DEPARTMENTS;
import static dev.baton.platform.db.Tables.USERS;
import static dev.baton.platform.db.Tables.WECOM_INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.baton.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * WeCom's directory into the organisation: "sync directory" against the fake corp's departments and members, and
 * genuinely encrypted {@code change_contact} callbacks.
 */
class WeComDirectorySyncIT extends WeComIntegrationTest {

    private static final String TOKEN = "dirToken7";
    private static final String AES_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlkj";

    @Autowired
    Scheduler slaScheduler;

    @BeforeEach
    void corp() {
        WECOM.directory.clear();
        WECOM.directory.department(1, 0, "总公司", 100);
        WECOM.directory.department(3, 2, "华东组", 80);
        WECOM.directory.department(2, 1, "售后部", 90);
        WECOM.directory.department(4, 1, "售前部", 95);
        WECOM.directory.member(member("zhangsan", "张三", List.of(2L, 3L), List.of(3L), 1));
        WECOM.directory.member(member("lisi", "李四", List.of(1L), List.of(), 1));
        WECOM.directory.member(member("wangwu", "王五", List.of(4L), List.of(), 5));
    }

    @Test
    void syncMirrorsTheTreeAndMembersOnceAndThenOnlyWhatChanged() {
        Api admin = newTenant().english();
        connect(admin);
        long root = admin.get("/api/v1/departments").json().get(0).path("id").asLong();
        long handMade = createUser(admin, "lisi", List.of(root), List.of());

        Api.Response first = admin.post("/api/v1/wecom/sync/directory", null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("departments").toString())
                .isEqualTo("{\"created\":4,\"updated\":0,\"unchanged\":0}");
        assertThat(first.json().path("users").toString())
                .isEqualTo("{\"created\":3,\"updated\":0,\"unchanged\":0,\"deactivated\":0}");
        assertThat(first.json().path("failed").asInt()).isZero();

        long tenant = tenantId(admin);
        long company = departmentId(tenant, 1);
        long afterSales = departmentId(tenant, 2);
        long east = departmentId(tenant, 3);
        assertThat(path(tenant, 3)).isEqualTo("/" + company + "/" + afterSales + "/" + east + "/");
        JsonNode eastDepartment = department(admin, east);
        assertThat(eastDepartment.path("parentId").asLong()).isEqualTo(afterSales);
        assertThat(eastDepartment.path("name").asString()).isEqualTo("华东组");
        // WeCom puts larger orders first: 售前部 (95) before 售后部 (90)
        assertThat(department(admin, departmentId(tenant, 4)).path("sortOrder").asInt())
                .isLessThan(department(admin, afterSales).path("sortOrder").asInt());

        JsonNode zhang = user(admin, userId(tenant, "zhangsan"));
        assertThat(zhang.path("username").asString()).isEqualTo("zhangsan");
        assertThat(zhang.path("displayName").asString()).isEqualTo("张三");
        assertThat(zhang.path("departmentIds").toString()).isEqualTo("[" + afterSales + "," + east + "]");
        assertThat(zhang.path("roleIds").isEmpty()).isTrue();
        assertThat(eastDepartment.path("leaderUserId").asLong())
                .isEqualTo(zhang.path("id").asLong());
        assertThat(api().post(
                                "/api/v1/auth/login",
                                Map.of("tenant", code(admin), "username", "zhangsan", "password", "Secret-123456"))
                        .status())
                .as("a synced user has no password")
                .isEqualTo(401);
        assertThat(user(admin, userId(tenant, "wangwu")).path("active").asBoolean())
                .as("left the company")
                .isFalse();
        // the hand-made "lisi" keeps its name; WeCom's lisi gets another username
        assertThat(user(admin, userId(tenant, "lisi")).path("username").asString())
                .isEqualTo("wecom.lisi");
        JsonNode mine = user(admin, handMade);
        assertThat(mine.path("wecomUserId").isNull()).isTrue();
        assertThat(mine.path("version").asInt()).isZero();

        int zhangVersion = zhang.path("version").asInt();
        int eastVersion = department(admin, east).path("version").asInt();
        int audits = audits(admin, "wecom.sync-directory");
        Api.Response second = admin.post("/api/v1/wecom/sync/directory", null);
        assertThat(second.json().path("departments").toString())
                .isEqualTo("{\"created\":0,\"updated\":0,\"unchanged\":4}");
        assertThat(second.json().path("users").toString())
                .isEqualTo("{\"created\":0,\"updated\":0,\"unchanged\":3,\"deactivated\":0}");
        assertThat(user(admin, zhang.path("id").asLong()).path("version").asInt())
                .isEqualTo(zhangVersion);
        assertThat(department(admin, east).path("version").asInt()).isEqualTo(eastVersion);
        assertThat(audits(admin, "wecom.sync-directory")).isEqualTo(audits + 1);

        // 华东组 moves under 售前部; 李四 leaves WeCom
        WECOM.directory.department(3, 4, "华东组", 80);
        WECOM.directory.remove("lisi");
        Api.Response third = admin.post("/api/v1/wecom/sync/directory", null);
        assertThat(third.json().path("departments").toString())
                .isEqualTo("{\"created\":0,\"updated\":1,\"unchanged\":3}");
        assertThat(third.json().at("/users/deactivated").asInt()).isEqualTo(1);
        assertThat(path(tenant, 3)).isEqualTo("/" + company + "/" + departmentId(tenant, 4) + "/" + east + "/");
        assertThat(user(admin, userId(tenant, "lisi")).path("active").asBoolean())
                .isFalse();
        assertThat(user(admin, handMade).path("active").asBoolean())
                .as("never touched")
                .isTrue();
    }

    @Test
    void aMemberListWeComCannotAnswerCountsAsFailedAndDeactivatesNobody() {
        Api admin = newTenant();
        connect(admin);
        assertThat(admin.post("/api/v1/wecom/sync/directory", null).status()).isEqualTo(200);
        WECOM.directory.remove("lisi");
        // busy on every attempt the bounded retries make for one department's list
        WECOM.directory.failMemberLists(3);
        Api.Response partial = admin.post("/api/v1/wecom/sync/directory", null);
        assertThat(partial.json().path("failed").asInt()).isEqualTo(1);
        assertThat(partial.json().at("/failures/0").asString()).contains("wecom-busy");
        assertThat(partial.json().at("/users/deactivated").asInt()).isZero();
    }

    @Test
    void syncWithoutWeComSettingsIsExplained() {
        Api admin = newTenant().english();
        Api.Response r = admin.post("/api/v1/wecom/sync/directory", null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text("type")).endsWith("/wecom-not-configured");
        assertThat(r.text("detail")).contains("corp id");
    }

    @Test
    void contactCallbacksChangeMembersAndDepartmentsOnceEach() {
        Api admin = newTenant();
        connectWithCallback(admin);
        assertThat(admin.post("/api/v1/wecom/sync/directory", null).status()).isEqualTo(200);
        long tenant = tenantId(admin);
        long zhang = userId(tenant, "zhangsan");
        int version = user(admin, zhang).path("version").asInt();

        String update = contact(
                "update_user",
                "<UserID>zhangsan</UserID><Name><![CDATA[张三丰]]></Name><Department>1,2</Department>"
                        + "<IsLeaderInDept>1,0</IsLeaderInDept><Mobile>13900000001</Mobile>",
                1733000100);
        for (int i = 0; i < 3; i++) {
            assertThat(post(admin, update).body()).isEqualTo("success");
        }
        assertThat(this.db.fetchCount(WECOM_INBOX, WECOM_INBOX.TENANT_ID.eq(tenant)))
                .isEqualTo(1);
        processed(tenant, 1);
        JsonNode changed = user(admin, zhang);
        assertThat(changed.path("displayName").asString()).isEqualTo("张三丰");
        assertThat(changed.path("mobile").asString()).isEqualTo("13900000001");
        assertThat(changed.path("departmentIds").toString())
                .isEqualTo("[" + departmentId(tenant, 1) + "," + departmentId(tenant, 2) + "]");
        assertThat(changed.path("version").asInt()).isEqualTo(version + 1);
        assertThat(department(admin, departmentId(tenant, 1))
                        .path("leaderUserId")
                        .asLong())
                .isEqualTo(zhang);
        assertThat(department(admin, departmentId(tenant, 3))
                        .path("leaderUserId")
                        .isNull())
                .as("no longer in 华东组, so no longer its leader")
                .isTrue();

        // WeCom sending the same change again later (another CreateTime) changes nothing either
        post(admin, contact("update_user", "<UserID>zhangsan</UserID><Name><![CDATA[张三丰]]></Name>", 1733000200));
        processed(tenant, 2);
        assertThat(user(admin, zhang).path("version").asInt()).isEqualTo(version + 1);
        assertThat(outcome(tenant, 1733000200)).isEqualTo("user zhangsan unchanged");

        post(
                admin,
                contact("create_party", "<Id>9</Id><Name><![CDATA[新部门]]></Name><ParentId>3</ParentId>", 1733000300));
        processed(tenant, 3);
        assertThat(department(admin, departmentId(tenant, 9)).path("parentId").asLong())
                .isEqualTo(departmentId(tenant, 3));

        // a refused change fails alone, with the reason, and the next ones still apply
        post(admin, contact("update_party", "<Id>3</Id><ParentId>9</ParentId>", 1733000350));
        processed(tenant, 4);
        assertThat(outcome(tenant, 1733000350))
                .isEqualTo("update_party: WeCom department 3 cannot move under its own sub-department");
        assertThat(department(admin, departmentId(tenant, 3)).path("parentId").asLong())
                .isEqualTo(departmentId(tenant, 2));

        post(admin, contact("delete_party", "<Id>3</Id>", 1733000400));
        processed(tenant, 5);
        assertThat(outcome(tenant, 1733000400)).contains("kept: it has sub-departments");
        post(admin, contact("delete_party", "<Id>9</Id>", 1733000500));
        processed(tenant, 6);
        assertThat(this.db.fetchCount(
                        DEPARTMENTS, DEPARTMENTS.TENANT_ID.eq(tenant), DEPARTMENTS.WECOM_DEPARTMENT_ID.eq(9L)))
                .isZero();

        post(admin, contact("delete_user", "<UserID>zhangsan</UserID>", 1733000600));
        processed(tenant, 7);
        assertThat(user(admin, zhang).path("active").asBoolean()).isFalse();
        assertThat(outcome(tenant, 1733000600)).isEqualTo("user zhangsan deactivated");
    }

    private void connectWithCallback(Api admin) {
        Api.Response saved = admin.put(
                "/api/v1/wecom/settings",
                Map.of(
                        "corpId", FakeWeCom.CORP_ID,
                        "agentId", FakeWeCom.AGENT_ID,
                        "secret", FakeWeCom.SECRET,
                        "token", TOKEN,
                        "encodingAesKey", AES_KEY));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private static String contact(String changeType, String body, long createTime) {
        return "<xml><ToUserName><![CDATA[" + FakeWeCom.CORP_ID + "]]></ToUserName>"
                + "<FromUserName><![CDATA[sys]]></FromUserName><CreateTime>" + createTime + "</CreateTime>"
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event>"
                + "<ChangeType>" + changeType + "</ChangeType>" + body + "</xml>";
    }

    /** Posts the message as WeCom does: encrypted with the tenant's AES key and signed with its token. */
    private Api.Response post(Api admin, String message) {
        String encrypted = new WxCryptUtil(TOKEN, AES_KEY, FakeWeCom.CORP_ID).encrypt("0123456789abcdef", message);
        String signature = SHA1.gen(TOKEN, "1733000001", "n1", encrypted);
        String envelope = "<xml><ToUserName><![CDATA[" + FakeWeCom.CORP_ID + "]]></ToUserName><Encrypt><![CDATA["
                + encrypted + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
        Api.Response r = api().sendText(
                        "POST",
                        "/wecom/callback/" + code(admin) + "?msg_signature=" + signature
                                + "&timestamp=1733000001&nonce=n1",
                        "text/xml",
                        envelope);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    /** Waits until this many of the tenant's callbacks are processed. */
    private void processed(long tenant, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            this.slaScheduler.triggerCheckForDueExecutions();
            return this.db.fetchCount(
                            WECOM_INBOX, WECOM_INBOX.TENANT_ID.eq(tenant), WECOM_INBOX.PROCESSED_AT.isNotNull())
                    >= count;
        });
    }

    private String outcome(long tenant, long createTime) {
        return this.db
                .select(WECOM_INBOX.OUTCOME)
                .from(WECOM_INBOX)
                .where(
                        WECOM_INBOX.TENANT_ID.eq(tenant),
                        WECOM_INBOX.PAYLOAD.contains("<CreateTime>" + createTime + "</CreateTime>"))
                .fetchSingle(WECOM_INBOX.OUTCOME);
    }

    private static FakeDirectory.Member member(
            String userId, String name, List<Long> departments, List<Long> leads, int status) {
        return new FakeDirectory.Member(userId, name, "", userId + "@example.com", status, departments, leads);
    }

    private long departmentId(long tenant, long weComId) {
        return this.db
                .select(DEPARTMENTS.ID)
                .from(DEPARTMENTS)
                .where(DEPARTMENTS.TENANT_ID.eq(tenant), DEPARTMENTS.WECOM_DEPARTMENT_ID.eq(weComId))
                .fetchSingle(DEPARTMENTS.ID);
    }

    private String path(long tenant, long weComId) {
        return this.db
                .select(DEPARTMENTS.PATH)
                .from(DEPARTMENTS)
                .where(DEPARTMENTS.TENANT_ID.eq(tenant), DEPARTMENTS.WECOM_DEPARTMENT_ID.eq(weComId))
                .fetchSingle(DEPARTMENTS.PATH);
    }

    private long userId(long tenant, String weComUserId) {
        return this.db
                .select(USERS.ID)
                .from(USERS)
                .where(USERS.TENANT_ID.eq(tenant), USERS.WECOM_USER_ID.eq(weComUserId))
                .fetchSingle(USERS.ID);
    }

    private static JsonNode user(Api admin, long id) {
        return admin.get("/api/v1/users/" + id).json();
    }

    private static JsonNode department(Api admin, long id) {
        for (JsonNode d : admin.get("/api/v1/departments").json()) {
            if (d.path("id").asLong() == id) {
                return d;
            }
        }
        throw new AssertionError("no department " + id);
    }

    private static int audits(Api admin, String action) {
        return admin.get("/api/v1/audit-log?action=" + action)
                .json()
                .path("total")
                .asInt();
    }
}
