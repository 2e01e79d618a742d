package dev.baton.wecom;

import static dev.baton.platform.db.Tables.AUDIT_LOG;
import static dev.baton.platform.db.Tables.WECOM_INBOX;
import static dev.baton.wecom.FakeCustomers.follower;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.baton.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Genuinely encrypted {@code change_external_contact} and {@code change_external_chat} callbacks keep customers in
 * step with the fake corp's contacts and group chats: created, updated without undoing Baton's edits, unlinked
 * without deleting anything — once, however often WeCom delivers the same callback.
 */
class WeComCustomerCallbackIT extends WeComIntegrationTest {

    private static final AtomicLong TIME = new AtomicLong(1_733_100_000);

    @Autowired
    Scheduler slaScheduler;

    @AfterEach
    void calm() {
        WECOM.trouble().clear();
    }

    @Test
    void aContactAddedEditedAndDeletedInWeComIsCreatedUpdatedAndUnlinkedOnce() {
        Api admin = newTenant();
        SignedCallbacks.connectWithCallbacks(admin);
        long lina = weComUser(admin, "lina.c", "LiNaC");
        WECOM.customers().put("wmCb1", "陈晓明", "晓明贸易", follower("LiNaC", 1_700_000_000L, "13800000001", "VIP客户"));

        String added = SignedCallbacks.event(
                "change_external_contact",
                TIME.incrementAndGet(),
                Map.of("ChangeType", "add_external_contact", "UserID", "LiNaC", "ExternalUserID", "wmCb1"));
        for (int i = 0; i < 3; i++) {
            Api.Response r = SignedCallbacks.post(api(), admin, added);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        processed();
        JsonNode customer = byWeCom(admin, "wmCb1");
        assertThat(customer.path("name").asString()).isEqualTo("陈晓明");
        assertThat(customer.path("company").asString()).isEqualTo("晓明贸易");
        assertThat(customer.path("phone").asString()).isEqualTo("13800000001");
        assertThat(customer.path("ownerId").asLong()).isEqualTo(lina);
        assertThat(strings(customer.path("tags"))).containsExactly("VIP客户");
        long id = customer.path("id").asLong();
        assertThat(audits(id, "customer.created")).isEqualTo(1);

        // Baton's own edits: level, region and a better name
        Api.Response edited = admin.put(
                "/api/v1/customers/" + id,
                Map.of(
                        "name", "陈总",
                        "company", "晓明贸易",
                        "level", "vip",
                        "region", "广东/深圳",
                        "phone", "13800000001",
                        "tags", List.of("VIP客户", "大客户"),
                        "ownerId", lina,
                        "version", customer.path("version").asInt()));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);

        // WeCom changes the corp and the tags; the name there stays 陈晓明
        WECOM.customers().put("wmCb1", "陈晓明", "晓明贸易集团", follower("LiNaC", 1_700_000_000L, "13800000001", "复购"));
        String edit = SignedCallbacks.event(
                "change_external_contact",
                TIME.incrementAndGet(),
                Map.of("ChangeType", "edit_external_contact", "UserID", "LiNaC", "ExternalUserID", "wmCb1"));
        SignedCallbacks.post(api(), admin, edit);
        processed();
        JsonNode after = byWeCom(admin, "wmCb1");
        assertThat(after.path("company").asString()).isEqualTo("晓明贸易集团");
        assertThat(strings(after.path("tags"))).containsExactly("大客户", "复购");
        assertThat(after.path("name").asString()).isEqualTo("陈总");
        assertThat(after.path("level").asString()).isEqualTo("vip");
        assertThat(after.path("region").asString()).isEqualTo("广东/深圳");
        int version = after.path("version").asInt();

        // the same facts again, in a callback the inbox has not seen (a later CreateTime): nothing moves
        SignedCallbacks.post(
                api(),
                admin,
                SignedCallbacks.event(
                        "change_external_contact",
                        TIME.incrementAndGet(),
                        Map.of("ChangeType", "edit_external_contact", "UserID", "LiNaC", "ExternalUserID", "wmCb1")));
        processed();
        assertThat(byWeCom(admin, "wmCb1").path("version").asInt()).isEqualTo(version);
        assertThat(audits(id, "customer.synced")).isEqualTo(1);

        // the contact deletes the employee: WeCom forgets the contact, Baton keeps the customer, marked
        WECOM.customers().unfollow("wmCb1", "LiNaC");
        String deleted = SignedCallbacks.event(
                "change_external_contact",
                TIME.incrementAndGet(),
                Map.of("ChangeType", "del_follow_user", "UserID", "LiNaC", "ExternalUserID", "wmCb1"));
        for (int i = 0; i < 3; i++) {
            SignedCallbacks.post(api(), admin, deleted);
        }
        processed();
        JsonNode gone = admin.get("/api/v1/customers/" + id).json();
        assertThat(gone.path("name").asString()).isEqualTo("陈总");
        assertThat(gone.at("/wecomLinks/0/ref").asString()).isEqualTo("wmCb1");
        assertThat(gone.at("/wecomLinks/0/removedAt").isNull()).isFalse();
        assertThat(audits(id, "customer.unlinked")).isEqualTo(1);
    }

    @Test
    void aGroupChatGoesToItsMembersCustomerOrBecomesOneAndIsUnlinkedWhenDismissed() {
        Api admin = newTenant();
        SignedCallbacks.connectWithCallbacks(admin);
        long owner = weComUser(admin, "wang.g", "WangG");
        WECOM.customers().put("wmGr1", "刘芳", "", follower("WangG", 1_700_000_000L, ""));
        SignedCallbacks.post(
                api(),
                admin,
                SignedCallbacks.event(
                        "change_external_contact",
                        TIME.incrementAndGet(),
                        Map.of("ChangeType", "add_external_contact", "UserID", "WangG", "ExternalUserID", "wmGr1")));
        WECOM.customers().putChat("wrGr1", "刘芳售后群", "WangG", "wmGr1");
        WECOM.customers().putChat("wrGr2", "新品体验群", "WangG");
        for (String chat : List.of("wrGr1", "wrGr2")) {
            SignedCallbacks.post(
                    api(),
                    admin,
                    SignedCallbacks.event(
                            "change_external_chat",
                            TIME.incrementAndGet(),
                            Map.of("ChatId", chat, "ChangeType", "create")));
        }
        processed();
        JsonNode liu = byWeCom(admin, "wmGr1");
        JsonNode first = admin.get("/api/v1/customers/by-wecom?chatId=wrGr1").json();
        assertThat(first.path("id").asLong()).isEqualTo(liu.path("id").asLong());
        assertThat(first.path("wecomLinks")
                        .valueStream()
                        .filter(l -> l.path("ref").asString().equals("wrGr1"))
                        .map(l -> l.path("name").asString()))
                .containsExactly("刘芳售后群");
        JsonNode second = admin.get("/api/v1/customers/by-wecom?chatId=wrGr2").json();
        assertThat(second.path("name").asString()).isEqualTo("新品体验群");
        assertThat(second.path("ownerId").asLong()).isEqualTo(owner);

        // renamed in WeCom: the chat's own customer follows, the member's customer keeps its name
        WECOM.customers().putChat("wrGr2", "新品体验二群", "WangG");
        WECOM.customers().putChat("wrGr1", "刘芳 VIP 群", "WangG", "wmGr1");
        for (String chat : List.of("wrGr1", "wrGr2")) {
            SignedCallbacks.post(
                    api(),
                    admin,
                    SignedCallbacks.event(
                            "change_external_chat",
                            TIME.incrementAndGet(),
                            Map.of("ChatId", chat, "ChangeType", "update", "UpdateDetail", "change_name")));
        }
        String dismissed = SignedCallbacks.event(
                "change_external_chat", TIME.incrementAndGet(), Map.of("ChatId", "wrGr1", "ChangeType", "dismiss"));
        for (int i = 0; i < 3; i++) {
            SignedCallbacks.post(api(), admin, dismissed);
        }
        processed();
        assertThat(admin.get("/api/v1/customers/by-wecom?chatId=wrGr2").text("name"))
                .isEqualTo("新品体验二群");
        JsonNode member =
                admin.get("/api/v1/customers/" + liu.path("id").asLong()).json();
        assertThat(member.path("name").asString()).isEqualTo("刘芳");
        JsonNode link = member.path("wecomLinks")
                .valueStream()
                .filter(l -> l.path("ref").asString().equals("wrGr1"))
                .findFirst()
                .orElseThrow();
        assertThat(link.path("name").asString()).isEqualTo("刘芳 VIP 群");
        assertThat(link.path("removedAt").isNull()).isFalse();
        assertThat(audits(liu.path("id").asLong(), "customer.unlinked")).isEqualTo(1);
    }

    @Test
    void aCallbackWhileWeComIsSilentFailsVisiblyInTheInbox() {
        Api admin = newTenant();
        SignedCallbacks.connectWithCallbacks(admin);
        WECOM.customers().put("wmCb9", "赵敏", "", follower("Nobody9", 1L, ""));
        WECOM.trouble().silence("/cgi-bin/externalcontact/get", 3);
        String message = SignedCallbacks.event(
                "change_external_contact",
                TIME.incrementAndGet(),
                Map.of("ChangeType", "add_external_contact", "UserID", "Nobody9", "ExternalUserID", "wmCb9"));
        SignedCallbacks.post(api(), admin, message);
        processed();
        var row = this.db.fetchOne(WECOM_INBOX, WECOM_INBOX.PAYLOAD.eq(message));
        assertThat(row.getStatus()).isEqualTo("failed");
        assertThat(row.getOutcome()).contains("wecom-timeout");
        assertThat(admin.get("/api/v1/customers/by-wecom?externalUserId=wmCb9").status())
                .isEqualTo(404);
    }

    private void processed() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            this.slaScheduler.triggerCheckForDueExecutions();
            return this.db.fetchCount(WECOM_INBOX, WECOM_INBOX.STATUS.eq("pending")) == 0;
        });
    }

    private int audits(long customerId, String action) {
        return this.db.fetchCount(
                AUDIT_LOG,
                AUDIT_LOG.ENTITY_TYPE.eq("customer"),
                AUDIT_LOG.ENTITY_ID.eq(String.valueOf(customerId)),
                AUDIT_LOG.ACTION.eq(action));
    }

    private static JsonNode byWeCom(Api admin, String externalUserId) {
        Api.Response r = admin.get("/api/v1/customers/by-wecom?externalUserId=" + externalUserId);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    /** A Baton agent whose WeCom user id is {@code weComUserId}. */
    static long weComUser(Api admin, String username, String weComUserId) {
        long root = admin.get("/api/v1/departments").json().get(0).path("id").asLong();
        long user = createUser(
                admin, username, List.of(root), List.of(roleIds(admin).get("agent")));
        int version = admin.get("/api/v1/users/" + user).json().path("version").asInt();
        Api.Response saved = admin.put(
                "/api/v1/users/" + user,
                Map.of("displayName", username, "wecomUserId", weComUserId, "version", version));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return user;
    }
}
