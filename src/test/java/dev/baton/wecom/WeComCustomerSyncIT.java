package dev.baton.wecom;

import static dev.baton.platform.db.Tables.AUDIT_LOG;
import static dev.baton.wecom.FakeCustomers.follower;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/wecom/sync/customers} against the fake corp, its pages two entries long so that every cursor is
 * followed: a first run creates and links, a second changes nothing, and contacts and chats gone from WeCom are
 * unlinked, never deleted.
 */
class WeComCustomerSyncIT extends WeComIntegrationTest {

    @BeforeEach
    void smallPages() {
        WECOM.customers().clear();
        WECOM.customers().pageSize(2);
    }

    @AfterEach
    void reset() {
        WECOM.customers().clear();
        WECOM.trouble().clear();
    }

    @Test
    void aFullSyncTwiceChangesNothingTheSecondTimeAndUnlinksWhatWeComNoLongerHas() {
        Api admin = newTenant();
        connect(admin);
        long lina = WeComCustomerCallbackIT.weComUser(admin, "lina.s", "LiNaS");
        WECOM.customers().put("wmS1", "陈晓明", "晓明贸易", follower("LiNaS", 10, "13800000011", "VIP客户"));
        // three followers: WeCom's get answers them over two pages
        WECOM.customers()
                .put(
                        "wmS2",
                        "刘芳",
                        "",
                        follower("WangS", 5, "", "新客户"),
                        follower("LiNaS", 20, "13900000022", "复购"),
                        follower("ZhaoS", 30, ""));
        WECOM.customers().put("wmS3", "周杰", "", follower("WangS", 7, ""));
        WECOM.customers().putChat("wrS1", "晓明售后群", "LiNaS", "wmS1");
        WECOM.customers().putChat("wrS2", "体验群", "WangS", "wmS2", "wmS3");

        assertThat(sync(admin)).isEqualTo(counts(4, 1, 0, 0, 0));
        JsonNode liu =
                admin.get("/api/v1/customers/by-wecom?externalUserId=wmS2").json();
        assertThat(liu.path("phone").asString()).isEqualTo("13900000022");
        assertThat(liu.path("ownerId").asLong())
                .as("WangS is no Baton user, LiNaS is")
                .isEqualTo(lina);
        assertThat(liu.path("tags").valueStream().map(JsonNode::asString)).containsExactly("新客户", "复购");
        assertThat(admin.get("/api/v1/customers/by-wecom?chatId=wrS1").text("name"))
                .isEqualTo("陈晓明");
        assertThat(admin.get("/api/v1/customers/by-wecom?chatId=wrS2").text("name"))
                .as("two customers in the chat: it becomes a customer of its own")
                .isEqualTo("体验群");
        Map<Long, Integer> versions = versions(admin);
        int customerAudits = customerAudits();

        assertThat(sync(admin)).isEqualTo(counts(0, 0, 5, 0, 0));
        assertThat(versions(admin)).isEqualTo(versions);
        assertThat(customerAudits()).isEqualTo(customerAudits);

        WECOM.customers().unfollow("wmS3", "WangS");
        WECOM.customers().dismissChat("wrS1");
        assertThat(sync(admin)).isEqualTo(counts(0, 0, 3, 2, 0));
        assertThat(versions(admin)).as("nothing deleted").isEqualTo(versions);
        JsonNode zhou =
                admin.get("/api/v1/customers/by-wecom?externalUserId=wmS3").json();
        assertThat(zhou.at("/wecomLinks/0/removedAt").isNull()).isFalse();
        assertThat(this.db.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("wecom.sync.customers"), tenant(admin)))
                .isEqualTo(3);

        // added back in WeCom: the same customer again
        WECOM.customers().put("wmS3", "周杰", "", follower("LiNaS", 40, ""));
        assertThat(sync(admin)).isEqualTo(counts(0, 1, 3, 0, 0));
        JsonNode back =
                admin.get("/api/v1/customers/by-wecom?externalUserId=wmS3").json();
        assertThat(back.path("id").asLong()).isEqualTo(zhou.path("id").asLong());
        assertThat(back.at("/wecomLinks/0/removedAt").isNull()).isTrue();
    }

    @Test
    void onlyAnAdministratorSyncs() {
        Api admin = newTenant();
        connect(admin);
        long root = admin.get("/api/v1/departments").json().get(0).path("id").asLong();
        createUser(admin, "agent.s", List.of(root), List.of(roleIds(admin).get("agent")));
        String code = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        Api agent = api().login(code, "agent.s", "Secret-123456");
        assertThat(agent.post("/api/v1/wecom/sync/customers", null).status()).isEqualTo(403);
    }

    private static Map<String, Integer> sync(Api admin) {
        Api.Response r = admin.post("/api/v1/wecom/sync/customers", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        return List.of("created", "updated", "unchanged", "unlinked", "failed").stream()
                .collect(Collectors.toMap(k -> k, k -> j.path(k).asInt()));
    }

    private static Map<String, Integer> counts(int created, int updated, int unchanged, int unlinked, int failed) {
        return Map.of(
                "created", created, "updated", updated, "unchanged", unchanged, "unlinked", unlinked, "failed", failed);
    }

    private static Map<Long, Integer> versions(Api admin) {
        return admin.get("/api/v1/customers?size=100")
                .json()
                .path("items")
                .valueStream()
                .collect(Collectors.toMap(
                        c -> c.path("id").asLong(), c -> c.path("version").asInt()));
    }

    private int customerAudits() {
        return this.db.fetchCount(AUDIT_LOG, AUDIT_LOG.ENTITY_TYPE.eq("customer"));
    }

    private org.jooq.Condition tenant(Api admin) {
        return AUDIT_LOG.TENANT_ID.eq(tenantId(admin));
    }
}
