package dev.baton.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A customer follows a finished ticket through its signed link: reads it, confirms it, rates it — logged out. */
class ProgressLinkIT extends IntegrationTest {

    @Test
    void theCustomerReadsConfirmsAndRatesThroughTheLinkUntilItExpires() {
        Desk desk = desk();
        long id = desk.finishedTicket();
        comment(desk.agent, id, "工程师明天上午到", "public");
        comment(desk.agent, id, "客户脾气不好，注意沟通", "internal");

        Api.Response link = desk.admin.post("/api/v1/tickets/" + id + "/progress-link", null);
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        String token = link.text("token");
        assertThat(link.text("url")).isEqualTo("/p/" + token);
        assertThat(Instant.parse(link.text("expiresAt")))
                .isAfter(this.clock.instant().plus(Duration.ofDays(89)));

        Api customer = api();
        Api.Response page = customer.get("/public/progress/" + token);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.text("customerStatus")).isEqualTo("awaiting_confirmation");
        assertThat(page.at("/canConfirm").asBoolean()).isTrue();
        assertThat(page.at("/canRate").asBoolean()).isTrue();
        assertThat(page.at("/rating").isNull()).isTrue();
        assertThat(page.at("/steps/0/label").asString()).isEqualTo("已提交");
        assertThat(page.at("/steps/3/current").asBoolean()).isTrue();
        assertThat(page.body()).contains("工程师明天上午到").doesNotContain("客户脾气不好");
        assertThat(customer.english()
                        .get("/public/progress/" + token)
                        .at("/steps/0/label")
                        .asString())
                .isEqualTo("Submitted");

        Api.Response confirmed = customer.post("/public/progress/" + token + "/confirm", null);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.text("customerStatus")).isEqualTo("done");
        assertThat(confirmed.at("/canConfirm").asBoolean()).isFalse();
        Api.Response again = customer.post("/public/progress/" + token + "/confirm", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains("done");

        for (int stars : new int[] {0, 6}) {
            Api.Response bad = customer.post("/public/progress/" + token + "/rating", Map.of("stars", stars));
            assertThat(bad.status()).as(bad.body()).isEqualTo(400);
            assertThat(bad.at("/errors/0/field").asString()).isEqualTo("stars");
        }
        Api.Response tooLong =
                customer.post("/public/progress/" + token + "/rating", Map.of("stars", 4, "comment", "好".repeat(501)));
        assertThat(tooLong.at("/errors/0/field").asString()).isEqualTo("comment");

        Api.Response rated = customer.post(
                "/public/progress/" + token + "/rating", Map.of("stars", 4, "comment", "很满意<script>x</script>"));
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
        assertThat(rated.text("customerStatus")).isEqualTo("rated");
        assertThat(rated.at("/rating/stars").asInt()).isEqualTo(4);
        assertThat(rated.at("/rating/comment").asString()).isEqualTo("<p>很满意</p>");
        assertThat(rated.at("/canRate").asBoolean()).isFalse();
        assertThat(kinds(rated.at("/timeline"))).contains("customer_confirm", "customer_rate");
        assertThat(customer.post("/public/progress/" + token + "/rating", Map.of("stars", 5))
                        .status())
                .isEqualTo(409);

        // Staff see both acts in the history, with no actor, and the rating itself.
        JsonNode events = desk.admin.get("/api/v1/tickets/" + id + "/events").json();
        Map<String, JsonNode> byAction = new HashMap<>();
        events.forEach(e -> byAction.put(e.path("action").asString(), e));
        assertThat(byAction).containsKeys("customer_confirm", "customer_rate");
        assertThat(byAction.get("customer_rate").path("body").asString()).isEqualTo("<p>★★★★☆ 很满意</p>");
        assertThat(byAction.get("customer_rate").path("actorId").isNull()).isTrue();
        assertThat(byAction.get("customer_rate").path("visibility").asString()).isEqualTo("public");
        assertThat(desk.admin.get("/api/v1/tickets/" + id).at("/version").asInt())
                .isEqualTo(byAction.get("customer_rate").path("ticketVersion").asInt());
        assertThat(desk.admin
                        .get("/api/v1/tickets/" + id + "/rating")
                        .at("/stars")
                        .asInt())
                .isEqualTo(4);

        // One character changed, or the link's time is up: the same 404.
        String tampered = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
        Api.Response forged = customer.get("/public/progress/" + tampered);
        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.header("Content-Type")).contains("application/problem+json");
        this.clock.advance(Duration.ofDays(90).plusSeconds(1));
        Api.Response expired = customer.get("/public/progress/" + token);
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.text("type")).isEqualTo(forged.text("type"));
    }

    @Test
    void onlyFinishedWorkIsConfirmedAndOnlyVisibleTicketsGetLinks() {
        Desk desk = desk();
        long open = desk.ticket();
        Api.Response none = desk.admin.get("/api/v1/tickets/" + open + "/rating");
        assertThat(none.status()).isEqualTo(404);
        String token = desk.admin
                .post("/api/v1/tickets/" + open + "/progress-link", null)
                .text("token");
        Api customer = api();
        Api.Response page = customer.get("/public/progress/" + token);
        assertThat(page.text("customerStatus")).isEqualTo("submitted");
        assertThat(page.at("/canConfirm").asBoolean()).isFalse();
        Api.Response early = customer.post("/public/progress/" + token + "/confirm", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("detail")).contains("submitted");
        assertThat(customer.post("/public/progress/" + token + "/rating", Map.of("stars", 5))
                        .status())
                .isEqualTo(409);
        // The public endpoints are no way into the staff API.
        assertThat(customer.post("/api/v1/tickets/" + open + "/progress-link", null)
                        .status())
                .isEqualTo(401);
        Api stranger = newTenant();
        assertThat(stranger.post("/api/v1/tickets/" + open + "/progress-link", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void oneAddressIsSlowedDownAfterSixtyRequestsAMinute() {
        Api customer = api();
        Api.Response last = null;
        for (int i = 0; i <= 60; i++) {
            last = customer.get("/public/progress/nonsense");
            if (last.status() == 429) {
                break;
            }
            assertThat(last.status()).isEqualTo(404);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotBlank();
        this.clock.advance(Duration.ofMinutes(1));
        assertThat(customer.get("/public/progress/nonsense").status()).isEqualTo(404);
    }

    private static List<String> kinds(JsonNode timeline) {
        List<String> kinds = new ArrayList<>();
        timeline.forEach(e -> kinds.add(e.path("kind").asString()));
        return kinds;
    }

    private static void comment(Api as, long id, String text, String visibility) {
        Api.Response r = as.post(
                "/api/v1/tickets/" + id + "/actions/comment", Map.of("comment", text, "visibility", visibility));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** A fresh tenant with one agent and a one-task flow: start → 处理 (agent role) → end (awaiting confirmation). */
    private Desk desk() {
        Api admin = newTenant();
        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        long root = admin.get("/api/v1/departments").json().get(0).path("id").asLong();
        createUser(admin, "agent1", List.of(root), List.of(roleIds(admin).get("agent")));
        Api.Response template = admin.post(
                "/api/v1/templates",
                Map.of(
                        "name",
                        "报修",
                        "code",
                        "repair",
                        "fields",
                        List.of(Map.of("key", "note", "label", "说明", "type", "text"))));
        assertThat(template.status()).as(template.body()).isEqualTo(201);
        Map<String, Object> end =
                Map.of("id", "done", "type", "end", "name", "完成", "customerStatus", "awaiting_confirmation");
        Map<String, Object> handle = Map.of(
                "id",
                "handle",
                "type",
                "task",
                "name",
                "处理",
                "assignee",
                Map.of("strategy", "role", "roleCode", "agent"),
                "next",
                end);
        Map<String, Object> start = Map.of("id", "start", "type", "start", "name", "提交", "next", handle);
        Api.Response flow =
                admin.post("/api/v1/flows", Map.of("name", "报修流程", "templateId", template.id(), "definition", start));
        assertThat(flow.status()).as(flow.body()).isEqualTo(201);
        assertThat(admin.post("/api/v1/flows/" + flow.id() + "/publish", Map.of("version", 0))
                        .status())
                .isEqualTo(200);
        return new Desk(admin, api().login(tenant, "agent1", "Secret-123456"), template.id());
    }

    private record Desk(Api admin, Api agent, long templateId) {

        long ticket() {
            Api.Response created = this.agent.post(
                    "/api/v1/tickets",
                    Map.of("templateId", this.templateId, "title", "空调不制冷", "fields", Map.of("note", "三楼")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            return created.id();
        }

        long finishedTicket() {
            long id = ticket();
            Api.Response accepted =
                    this.agent.post("/api/v1/tickets/" + id + "/actions/accept", Map.of("expectedVersion", 0));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            Api.Response done =
                    this.agent.post("/api/v1/tickets/" + id + "/actions/submit", Map.of("expectedVersion", 1));
            assertThat(done.status()).as(done.body()).isEqualTo(200);
            assertThat(done.text("customerStatus")).isEqualTo("awaiting_confirmation");
            return id;
        }
    }
}
