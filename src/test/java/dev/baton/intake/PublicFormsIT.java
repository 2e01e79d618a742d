package dev.baton.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import dev.baton.support.RecordingSmsSender;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Channels, the demo's public repair form, its captcha, SMS codes, rate limits and double taps. */
class PublicFormsIT extends IntegrationTest {

    private static final String FORM = "/public/forms/demo/repair";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Autowired
    RecordingSmsSender sms;

    @Test
    void anAdministratorManagesChannelsWithValidationAndOptimisticLocking() {
        Api admin = api().login("demo", "admin", "baton-demo").english();
        Api.Response bad =
                admin.post("/api/v1/channels", Map.of("code", "Not OK", "kind", "api", "accentColor", "red"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("code", "name", "kind", "templateId", "accentColor");

        long template = repairTemplate(admin);
        String code = "shop-" + CLIENTS.incrementAndGet();
        Api.Response created = admin.post(
                "/api/v1/channels",
                Map.of("code", code, "name", "门店扫码", "kind", "official_account", "templateId", template));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("captcha").asBoolean()).isTrue();
        assertThat(created.json().path("publicForm").asBoolean()).isTrue();
        Api.Response taken = admin.post(
                "/api/v1/channels", Map.of("code", code, "name", "again", "kind", "web", "templateId", template));
        assertThat(fields(taken)).containsExactly("code");

        String path = "/api/v1/channels/" + created.id();
        Map<String, Object> edit =
                Map.of("code", code, "name", "门店", "kind", "official_account", "templateId", template, "version", 5);
        assertThat(admin.put(path, edit).status()).isEqualTo(409);
        Map<String, Object> fresh = new HashMap<>(edit);
        fresh.put("version", 0);
        fresh.put("enabled", false);
        Api.Response updated = admin.put(path, fresh);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().path("version").asInt()).isEqualTo(1);
        // disabled: the public form is gone
        assertThat(api().get("/public/forms/demo/" + code).status()).isEqualTo(404);

        Api agent = api().login("demo", "lina", "baton-demo");
        assertThat(agent.get("/api/v1/channels").status()).isEqualTo(403);
        assertThat(admin.delete(path).status()).isEqualTo(204);
        assertThat(admin.get(path).status()).isEqualTo(404);
    }

    @Test
    void theFormOffersOnlyFieldsEveryoneMayFillAndUnknownFormsAreNotFound() {
        JsonNode form = api().get(FORM).json();
        assertThat(form.path("title").asString()).isEqualTo("在线报修");
        List<String> keys = form.path("fields")
                .valueStream()
                .map(f -> f.path("key").asString())
                .toList();
        assertThat(keys).contains("device_model", "fault_type", "fault_description", "region");
        // the customer is the submitter; photos need an upload; cost price and discount are the office's
        assertThat(keys).doesNotContain("customer", "fault_photos", "cost_price", "discount", "chat");
        assertThat(form.toString()).doesNotContain("templateId", "tenantId");

        assertThat(api().get("/public/forms/demo/nope").status()).isEqualTo(404);
        assertThat(api().get("/public/forms/nobody/repair").status()).isEqualTo(404);
        assertThat(api().post("/public/forms/demo/NOT%20A%20CODE/captcha", null).status())
                .isEqualTo(404);
    }

    @Test
    void aSubmissionNeedsTheCaptchaAndValidFieldsAndADoubleTapGivesOneTicket() {
        Api client = client();
        JsonNode captcha = client.post(FORM + "/captcha", null).json();
        assertThat(captcha.path("image").asString()).startsWith("data:image/png;base64,");

        Map<String, Object> wrongCaptcha = valid("13800001111");
        wrongCaptcha.put("captchaId", captcha.path("captchaId").asString());
        wrongCaptcha.put("captcha", "WRONG");
        assertThat(fields(client.post(FORM + "/tickets", wrongCaptcha))).containsExactly("captcha");
        // the captcha was used up by the wrong guess
        wrongCaptcha.put("captcha", "b4ton");
        assertThat(fields(client.post(FORM + "/tickets", wrongCaptcha))).containsExactly("captcha");

        Map<String, Object> bad = withCaptcha(client, valid("12345"));
        bad.put("fields", Map.of("device_model", "", "fault_type", "fire", "cost_price", 1));
        Api.Response refused = client.post(FORM + "/tickets", bad);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused))
                .contains(
                        "phone",
                        "fields.device_model",
                        "fields.fault_type",
                        "fields.cost_price",
                        "fields.fault_description");

        Map<String, Object> good = withCaptcha(client, valid("13800001111"));
        Api.Response created = client.post(FORM + "/tickets", good);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String number = created.text("number");
        assertThat(number).matches("GD\\d{8}-\\d{4,}");
        assertThat(created.body()).doesNotContain("\"id\"", "customerId");
        Api.Response again = client.post(FORM + "/tickets", good);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("number")).isEqualTo(number);

        // the answer carries the submitter's own progress page, on the double tap too
        String progress = created.text("progressUrl");
        assertThat(progress).startsWith("/p/");
        assertThat(again.text("progressUrl")).startsWith("/p/");
        JsonNode page = api().get("/public/progress/" + progress.substring("/p/".length()))
                .json();
        assertThat(page.path("number").asString()).isEqualTo(number);
        assertThat(page.path("customerStatus").asString()).isEqualTo("submitted");
        JsonNode replayed = api().get(
                        "/public/progress/" + again.text("progressUrl").substring(3))
                .json();
        assertThat(replayed.path("number").asString()).isEqualTo(number);

        Api admin = api().login("demo", "admin", "baton-demo");
        JsonNode found = admin.get("/api/v1/tickets?q=" + number).json().path("items");
        assertThat(found.size()).isEqualTo(1);
        JsonNode ticket =
                admin.get("/api/v1/tickets/" + found.get(0).path("id").asLong()).json();
        assertThat(ticket.path("source").asString()).isEqualTo("web");
        assertThat(ticket.at("/fields/contact_phone").asString()).isEqualTo("13800001111");
        JsonNode customers = admin.get("/api/v1/customers?q=13800001111").json().path("items");
        assertThat(customers.valueStream().map(c -> c.path("name").asString())).contains("张先生");
    }

    @Test
    void aChannelRequiringThePhoneChecksTheTextedCode() {
        Api admin = api().login("demo", "admin", "baton-demo");
        String code = "verified-" + CLIENTS.incrementAndGet();
        Api.Response channel = admin.post(
                "/api/v1/channels",
                Map.of(
                        "code",
                        code,
                        "name",
                        "验证渠道",
                        "kind",
                        "mini_program",
                        "templateId",
                        repairTemplate(admin),
                        "requirePhoneVerification",
                        true));
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);
        String form = "/public/forms/demo/" + code;
        Api client = client();
        String phone = "1390000" + (1000 + CLIENTS.incrementAndGet());

        Map<String, Object> ask = withCaptcha(client, new HashMap<>(Map.of("phone", phone)), form);
        assertThat(client.post(form + "/sms-code", ask).status()).isEqualTo(204);
        String texted = sms.lastCode(phone);
        assertThat(texted).matches("\\d{6}");
        Api.Response tooSoon = client.post(form + "/sms-code", withCaptcha(client, new HashMap<>(ask), form));
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.header("Retry-After")).isNotNull();

        Map<String, Object> wrong = withCaptcha(client, valid(phone), form);
        wrong.put("smsCode", texted.equals("000000") ? "111111" : "000000");
        assertThat(fields(client.post(form + "/tickets", wrong))).containsExactly("smsCode");
        Map<String, Object> right = withCaptcha(client, valid(phone), form);
        right.put("smsCode", texted);
        assertThat(client.post(form + "/tickets", right).status()).isEqualTo(201);
        // used up
        Map<String, Object> reused = withCaptcha(client, valid(phone), form);
        reused.put("smsCode", texted);
        assertThat(fields(client.post(form + "/tickets", reused))).containsExactly("smsCode");
    }

    @Test
    void aBurstFromOneAddressIsRefusedWhileAnotherAddressStillGetsThrough() {
        Api burst = client();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(burst.post(FORM + "/tickets", valid("13800002222")).status());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(400);
        assertThat(statuses.subList(10, 30)).containsOnly(429);
        Api.Response limited = burst.post(FORM + "/tickets", valid("13800002222"));
        assertThat(limited.header("Content-Type")).contains("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);

        Api other = client();
        Api.Response fine = other.post(FORM + "/tickets", withCaptcha(other, valid("13800002222")));
        assertThat(fine.status()).as(fine.body()).isEqualTo(201);

        clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(burst.post(FORM + "/tickets", valid("13800002222")).status()).isEqualTo(400);
    }

    /** A client at an address of its own, named by the trusted proxy's X-Forwarded-For. */
    private Api client() {
        return api().english().header("X-Forwarded-For", "203.0.113." + CLIENTS.incrementAndGet());
    }

    private static Map<String, Object> valid(String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "张先生");
        body.put("phone", phone);
        body.put("description", "空调不制冷，需要上门。");
        body.put("submissionId", UUID.randomUUID().toString());
        body.put(
                "fields",
                Map.of(
                        "device_model",
                        "KFR-35GW",
                        "fault_type",
                        "no_cooling",
                        "fault_description",
                        "开机后一直吹热风，已经两天了",
                        "region",
                        Map.of("province", "广东", "city", "深圳")));
        return body;
    }

    private static Map<String, Object> withCaptcha(Api client, Map<String, Object> body) {
        return withCaptcha(client, body, FORM);
    }

    private static Map<String, Object> withCaptcha(Api client, Map<String, Object> body, String form) {
        Api.Response captcha = client.post(form + "/captcha", null);
        assertThat(captcha.status()).as(captcha.body()).isEqualTo(200);
        body.put("captchaId", captcha.text("captchaId"));
        body.put("captcha", "B4TON");
        return body;
    }

    static List<String> fields(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.json()
                .path("errors")
                .valueStream()
                .map(e -> e.path("field").asString())
                .toList();
    }

    private static long repairTemplate(Api admin) {
        return admin.get("/api/v1/templates")
                .json()
                .path("items")
                .valueStream()
                .filter(t -> t.path("code").asString().equals("repair"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asLong();
    }
}
