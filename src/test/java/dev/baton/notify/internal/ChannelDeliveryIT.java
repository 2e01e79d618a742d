package dev.baton.notify.internal;

import static dev.baton.platform.db.Tables.NOTIFICATION_DELIVERIES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.platform.db.tables.records.NotificationDeliveriesRecord;
import dev.baton.support.Api;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChannelDeliveryIT extends NotifyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, String> SLA =
            Map.of("sla.metric", "解决时效", "sla.dueAt", "2026-10-08 10:00", "node.name", "受理");

    @Test
    void everyChannelDeliversForReal() throws Exception {
        Tenant t = tenant();
        Person p = person(t, "agent");
        enableSms(p, "reminder");
        webhook(t, "/hooks/" + t.code(), "s3cret");

        notify(t.id(), "reminder", Set.of(p.id()), SLA, "all-channels");
        deliver();

        List<MimeMessage> mails = mailTo(p.email());
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo("工单即将超时：");
        assertThat((String) mails.getFirst().getContent()).contains("解决时效将于 2026-10-08 10:00 到期");

        List<JsonNode> wecom = WECOM.sentTo(p.wecomId());
        assertThat(wecom).hasSize(1);
        assertThat(wecom.getFirst().path("msgtype").asString()).isEqualTo("textcard");
        assertThat(wecom.getFirst().path("agentid").asInt()).isEqualTo(dev.baton.wecom.FakeWeCom.AGENT_ID);
        assertThat(wecom.getFirst().at("/textcard/description").asString()).contains("2026-10-08 10:00");

        List<HttpReceiver.Received> sms = smsTo(p.mobile());
        assertThat(sms).hasSize(1);
        assertThat(JSON.readTree(sms.getFirst().body()).path("text").asString()).startsWith("【Baton】");

        List<HttpReceiver.Received> hooks = HTTP.at("/hooks/" + t.code());
        assertThat(hooks).hasSize(1);
        HttpReceiver.Received hook = hooks.getFirst();
        assertThat(hook.header("X-Baton-Signature")).isEqualTo(WebhookChannel.sign("s3cret", hook.body()));
        assertThat(hook.header("X-Baton-Signature")).isEqualTo(hmac("s3cret", hook.body()));
        JsonNode hookBody = JSON.readTree(hook.body());
        assertThat(hookBody.path("event").asString()).isEqualTo("reminder");
        assertThat(hookBody.path("recipients").get(0).asLong()).isEqualTo(p.id());

        assertThat(p.api()
                        .get("/api/v1/notifications/inbox/unread-count")
                        .json()
                        .path("count")
                        .asInt())
                .isEqualTo(1);
        assertThat(deliveries(t.id()))
                .extracting(NotificationDeliveriesRecord::getChannel, NotificationDeliveriesRecord::getStatus)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("inapp", "sent"),
                        org.assertj.core.groups.Tuple.tuple("wecom", "sent"),
                        org.assertj.core.groups.Tuple.tuple("email", "sent"),
                        org.assertj.core.groups.Tuple.tuple("sms", "sent"),
                        org.assertj.core.groups.Tuple.tuple("webhook", "sent"));
    }

    @Test
    void aFailingWebhookIsRetriedWithGrowingWaitsThenDeadThenResent() {
        Tenant t = tenant();
        Person p = person(t, "agent");
        String path = "/down/" + t.code();
        webhook(t, path, "retry-secret-0042");
        HTTP.answer(path, 503);

        notify(t.id(), "breached", Set.of(p.id()), SLA, "retry");
        List<Duration> waits = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= 6; attempt++) {
            deliver();
            NotificationDeliveriesRecord hook = webhookRow(t.id());
            assertThat(hook.getAttempts()).isEqualTo(attempt);
            assertThat(hook.getLastError()).isEqualTo("HTTP 503: receiver down (503)");
            if (attempt < 6) {
                assertThat(hook.getStatus()).isEqualTo("failed");
                Duration wait = Duration.between(this.clock.instant(), hook.getNextAttemptAt());
                waits.add(wait);
                // nothing happens before the wait is over
                this.clock.advance(wait.minusSeconds(1));
                deliver();
                assertThat(webhookRow(t.id()).getAttempts()).isEqualTo(attempt);
                this.clock.advance(Duration.ofSeconds(1));
            }
        }
        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(120),
                        Duration.ofSeconds(240),
                        Duration.ofSeconds(480));
        assertThat(webhookRow(t.id()).getStatus()).isEqualTo("dead");

        JsonNode dead =
                t.admin().get("/api/v1/notification-deliveries?status=dead").json();
        assertThat(dead.path("total").asInt()).isEqualTo(1);
        JsonNode row = dead.path("items").get(0);
        assertThat(row.path("channel").asString()).isEqualTo("webhook");
        assertThat(row.path("log")).hasSize(6);
        assertThat(row.at("/log/5/error").asString()).isEqualTo("HTTP 503: receiver down (503)");

        HTTP.answer(path, 200);
        Api.Response resent = t.admin()
                .post("/api/v1/notification-deliveries/" + row.path("id").asLong() + "/resend", null);
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(resent.json().path("status").asString()).isEqualTo("pending");
        deliver();
        assertThat(webhookRow(t.id()).getStatus()).isEqualTo("sent");
        assertThat(HTTP.at(path)).hasSize(1);

        Api.Response again = t.admin()
                .post("/api/v1/notification-deliveries/" + row.path("id").asLong() + "/resend", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(p.api().get("/api/v1/notification-deliveries").status()).isEqualTo(403);
    }

    @Test
    void weComsRefusalOfAnUnlicensedUserIsRecordedVerbatimAndNotRetried() {
        Tenant t = tenant();
        Person unlicensed = person(t, "agent");
        Person unknown = person(t, "agent");
        WECOM.unlicensedUser(unlicensed.wecomId());
        WECOM.unknownUser(unknown.wecomId());

        notify(t.id(), "reminder", Set.of(unlicensed.id(), unknown.id()), SLA, "refused");
        deliver();

        Map<Long, NotificationDeliveriesRecord> wecom = new HashMap<>();
        deliveries(t.id()).stream()
                .filter(d -> d.getChannel().equals("wecom"))
                .forEach(d -> wecom.put(d.getRecipientId(), d));
        assertThat(wecom.get(unlicensed.id()).getStatus()).isEqualTo("dead");
        assertThat(wecom.get(unlicensed.id()).getLastError()).contains("\"unlicenseduser\":\"" + unlicensed.wecomId());
        assertThat(wecom.get(unknown.id()).getStatus()).isEqualTo("dead");
        assertThat(wecom.get(unknown.id()).getLastError()).contains("81013").contains("user & party & tag all invalid");
        assertThat(wecom.get(unknown.id()).getAttempts()).isEqualTo(1);
    }

    @Test
    void aBusyWeComIsRetriedAndTheMessageArrives() {
        Tenant t = tenant();
        Person p = person(t, "agent");
        WECOM.busyFor(1);
        notify(t.id(), "reminder", Set.of(p.id()), SLA, "busy");
        deliver();
        NotificationDeliveriesRecord row = deliveries(t.id()).stream()
                .filter(d -> d.getChannel().equals("wecom"))
                .findFirst()
                .orElseThrow();
        assertThat(row.getStatus()).isEqualTo("failed");
        assertThat(row.getLastError()).contains("system busy");
        this.clock.advance(Duration.ofSeconds(30));
        deliver();
        assertThat(WECOM.sentTo(p.wecomId())).hasSize(1);
    }

    @Test
    void twoWorkersAtOnceSendEachDeliveryOnce() throws Exception {
        Tenant t = tenant();
        Person p = person(t, "agent");
        String path = "/pair/" + t.code();
        webhook(t, path, "pair-secret-0042");
        for (int i = 0; i < 40; i++) {
            notify(t.id(), "breached", Set.of(p.id()), Map.of("node.id", "n" + i), "pair-" + i);
        }
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        Runnable node = () -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deliver();
        };
        Thread a = new Thread(node);
        Thread b = new Thread(node);
        a.start();
        b.start();
        start.countDown();
        a.join(60_000);
        b.join(60_000);
        List<HttpReceiver.Received> hooks = HTTP.at(path);
        assertThat(hooks).hasSize(40);
        assertThat(hooks.stream().map(HttpReceiver.Received::body).distinct()).hasSize(40);
        assertThat(mailTo(p.email())).hasSize(40);
        assertThat(deliveries(t.id()))
                .filteredOn(d -> !d.getChannel().equals("wecom"))
                .allMatch(d -> d.getStatus().equals("sent") && d.getAttempts() == 1);
        // WeCom's 30 a minute hold however many workers send: the other 10 wait in one digest
        assertThat(WECOM.sentTo(p.wecomId())).hasSize(30);
        assertThat(deliveries(t.id()))
                .filteredOn(d -> d.getChannel().equals("wecom"))
                .extracting(NotificationDeliveriesRecord::getStatus)
                .containsOnly("sent", "merged", "pending")
                .filteredOn("merged"::equals)
                .hasSize(10);
    }

    private void enableSms(Person p, String event) {
        Api.Response r = p.api()
                .put(
                        "/api/v1/notification-preferences",
                        Map.of("preferences", List.of(Map.of("event", event, "channel", "sms", "enabled", true))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private void webhook(Tenant t, String path, String secret) {
        int version = t.admin()
                .get("/api/v1/notification-settings")
                .json()
                .path("version")
                .asInt();
        Api.Response r = t.admin()
                .put(
                        "/api/v1/notification-settings",
                        Map.of("webhookUrl", HTTP.url(path), "webhookSecret", secret, "version", version));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("webhookSecretSet").asBoolean()).isTrue();
        assertThat(r.body()).doesNotContain(secret);
    }

    private NotificationDeliveriesRecord webhookRow(long tenantId) {
        return this.db
                .selectFrom(NOTIFICATION_DELIVERIES)
                .where(NOTIFICATION_DELIVERIES.TENANT_ID.eq(tenantId), NOTIFICATION_DELIVERIES.CHANNEL.eq("webhook"))
                .fetchSingle();
    }

    /** The receiver's side of the signature, written independently of Baton's code. */
    private static String hmac(String secret, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256="
                + java.util.HexFormat.of()
                        .formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
