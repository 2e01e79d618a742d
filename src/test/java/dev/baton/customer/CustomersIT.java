package dev.baton.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Customers: checked input, search, WeCom ids that belong to one customer, duplicates, merging, and tickets. */
class CustomersIT extends IntegrationTest {

    @Test
    void badInputNamesEachFieldAndAWeComContactBelongsToOneCustomer() {
        Api admin = newTenant().english();
        Api.Response bad = admin.post(
                "/api/v1/customers",
                Map.of("level", "gold", "phone", "call me", "wecomExternalIds", List.of("ok_1", "not ok!")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactlyInAnyOrder("name", "level", "phone", "wecomExternalIds[1]");

        Api.Response first = customer(admin, "王先生", "138 0000 1111", List.of("wmAbc123"));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.text("level")).isEqualTo("standard");
        Api.Response taken = customer(admin, "王太太", null, List.of("wmAbc123"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("type")).endsWith("/customer-wecom-taken");
        assertThat(taken.text("detail")).contains("wmAbc123", String.valueOf(first.id()));

        Api.Response stale = admin.put("/api/v1/customers/" + first.id(), Map.of("name", "王总", "version", 3));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("currentVersion").asInt()).isZero();
    }

    @Test
    void aDuplicateByPhoneIsFoundAndMergedWithItsTicketsAndWeComIds() {
        Api admin = newTenant();
        long template = flowOnCustomerLevel(admin);
        long kept = customer(admin, "李女士", "13900002222", List.of("wmKept")).id();
        Map<String, Object> vip = new HashMap<>(Map.of("name", "李娟", "phone", "13900002222", "level", "vip"));
        vip.put("tags", List.of("老客户"));
        vip.put("wecomExternalIds", List.of("wmDup"));
        Api.Response dup = admin.post("/api/v1/customers", vip);
        assertThat(dup.status()).as(dup.body()).isEqualTo(201);
        assertThat(dup.json().path("possibleDuplicates").valueStream().map(JsonNode::asLong))
                .containsExactly(kept);
        long ticket = ticket(admin, template, dup.id());

        // the customer's level is the ticket's fact: the VIP branch is taken
        JsonNode created = admin.get("/api/v1/tickets/" + ticket).json();
        assertThat(created.at("/nodes/0/nodeId").asString()).isEqualTo("vip_handle");
        assertThat(admin.get("/api/v1/customers?q=李").json().path("total").asInt())
                .isEqualTo(2);

        Api.Response merged = admin.post(
                "/api/v1/customers/" + kept + "/merge",
                Map.of("duplicateId", dup.id(), "version", 0, "duplicateVersion", 0));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("wecomExternalIds").valueStream().map(JsonNode::asString))
                .containsExactly("wmDup", "wmKept");
        assertThat(merged.json().path("tags").valueStream().map(JsonNode::asString))
                .containsExactly("老客户");
        assertThat(admin.get("/api/v1/tickets?customerId=" + kept)
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(admin.get("/api/v1/customers?q=李").json().path("total").asInt())
                .isEqualTo(1);
        // a new ticket for the merged duplicate is the survivor's (a standard customer: the other branch)
        long later = ticket(admin, template, dup.id());
        JsonNode read = admin.get("/api/v1/tickets/" + later).json();
        assertThat(read.path("customerId").asLong()).isEqualTo(kept);
        assertThat(read.at("/nodes/0/nodeId").asString()).isEqualTo("handle");
        assertThat(admin.get("/api/v1/audit-log?action=customer.merged&entityId=" + kept)
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(1);

        Api.Response unknown = admin.english()
                .post("/api/v1/tickets", Map.of("templateId", template, "title", "无此客户", "customerId", 987654321));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.at("/errors/0/field").asString()).isEqualTo("customerId");
    }

    private static Api.Response customer(Api admin, String name, String phone, List<String> external) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("phone", phone);
        body.put("wecomExternalIds", external);
        return admin.post("/api/v1/customers", body);
    }

    private static long ticket(Api admin, long template, long customerId) {
        Api.Response r = admin.post(
                "/api/v1/tickets", Map.of("templateId", template, "title", "热水器不出热水", "customerId", customerId));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.id();
    }

    /** start → VIP customers to 受理（VIP）, everyone else to 受理. */
    private static long flowOnCustomerLevel(Api admin) {
        Api.Response t = admin.post("/api/v1/templates", Map.of("name", "报修", "code", "repair", "fields", List.of()));
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        Map<String, Object> vip = task("vip_handle", "受理（VIP）");
        Map<String, Object> normal = task("handle", "受理");
        Map<String, Object> check = new HashMap<>();
        check.put("id", "level");
        check.put("type", "condition");
        check.put("name", "客户等级");
        check.put(
                "branches",
                List.of(
                        Map.of("name", "VIP", "when", "customer.level == 'vip'", "next", vip),
                        Map.of("name", "其他", "default", true, "next", normal)));
        check.put("next", null);
        Api.Response flow = admin.post(
                "/api/v1/flows",
                Map.of(
                        "name",
                        "报修流程",
                        "templateId",
                        t.id(),
                        "definition",
                        Map.of("id", "start", "type", "start", "name", "提交", "next", check)));
        assertThat(flow.status()).as(flow.body()).isEqualTo(201);
        Api.Response published = admin.post("/api/v1/flows/" + flow.id() + "/publish", Map.of("version", 0));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return t.id();
    }

    private static Map<String, Object> task(String id, String name) {
        Map<String, Object> n = new HashMap<>();
        n.put("id", id);
        n.put("type", "task");
        n.put("name", name);
        n.put("assignee", Map.of("strategy", "creator"));
        n.put("next", null);
        return n;
    }
}
