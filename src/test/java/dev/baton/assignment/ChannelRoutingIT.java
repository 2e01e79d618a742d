package dev.baton.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A channel's tickets are routed by the rule that names the channel's code ({@code conditions.channels}). */
class ChannelRoutingIT extends AssignmentTest {

    @Test
    void aTicketFromTheShopChannelGoesToTheShopsRuleAndOneFromAnotherChannelDoesNot() {
        AssignmentDesk desk = desk();
        String tenant = desk.admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        channel(desk, "shop-qr", "门店扫码报修", "official_account");
        channel(desk, "site", "官网报修", "web");
        desk.rule(RoutingRulesIT.rule(
                "门店扫码",
                Map.of("channels", List.of("shop-qr")),
                Map.of("kind", "department", "departmentId", desk.vipDept),
                "round_robin"));

        JsonNode fromShop = submitted(desk, tenant, "shop-qr", "203.0.113.201");
        assertThat(fromShop.path("source").asString()).isEqualTo("official_account");
        assertThat(desk.vipAgents).contains(handler(fromShop).path("userId").asLong());

        JsonNode fromSite = submitted(desk, tenant, "site", "203.0.113.202");
        assertThat(fromSite.path("source").asString()).isEqualTo("web");
        assertThat(handler(fromSite).path("userId").isNull())
                .as("no rule: the pool")
                .isTrue();

        // the explain tester asks the same question with a sample's channel
        Map<String, Object> sample = new HashMap<>(Map.of("templateId", desk.templateId, "title", "报修"));
        sample.put("channel", "shop-qr");
        JsonNode shop = desk.admin.post("/api/v1/assignment/explain", sample).json();
        assertThat(shop.path("matchedRule").asString()).isEqualTo("门店扫码");
        sample.put("channel", "site");
        JsonNode site = desk.admin.post("/api/v1/assignment/explain", sample).json();
        assertThat(site.path("outcome").asString()).isEqualTo("no_rule");
        assertThat(site.at("/rules/0/failed").asString()).isEqualTo("channel");
    }

    @Test
    void aRuleNamingSomethingThatIsNoChannelCodeIsRefusedAtThatValue() {
        AssignmentDesk desk = desk();
        Api.Response bad = desk.admin
                .english()
                .post(
                        "/api/v1/assignment/rules",
                        RoutingRulesIT.rule(
                                "坏渠道",
                                Map.of("channels", List.of("shop-qr", "Not A Code")),
                                Map.of("kind", "pool"),
                                "manual"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).containsExactly("conditions.channels[1]");
        assertThat(bad.json().path("errors").findValuesAsString("message").getFirst())
                .contains("channel code");
    }

    private static void channel(AssignmentDesk desk, String code, String name, String kind) {
        Api.Response c = desk.admin.post(
                "/api/v1/channels", Map.of("code", code, "name", name, "kind", kind, "templateId", desk.templateId));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
    }

    /** A customer fills in the channel's public form; the ticket as the administrator reads it. */
    private JsonNode submitted(AssignmentDesk desk, String tenant, String channel, String address) {
        Api client = api().header("X-Forwarded-For", address);
        String form = "/public/forms/" + tenant + "/" + channel;
        Map<String, Object> body = new HashMap<>();
        body.put("name", "王女士");
        body.put("phone", "13800004444");
        body.put("description", "空调不制冷");
        body.put("submissionId", UUID.randomUUID().toString());
        body.put("captchaId", client.post(form + "/captcha", null).text("captchaId"));
        body.put("captcha", "B4TON");
        Api.Response sent = client.post(form + "/tickets", body);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        JsonNode found = desk.admin
                .get("/api/v1/tickets?q=" + sent.text("number"))
                .json()
                .path("items");
        assertThat(found.size()).isEqualTo(1);
        return desk.admin
                .get("/api/v1/tickets/" + found.get(0).path("id").asLong())
                .json();
    }

    private static JsonNode handler(JsonNode ticket) {
        return ticket.path("nodes").get(0).path("handlers").get(0);
    }
}
