package dev.baton.notify.internal;

import static dev.baton.platform.db.Tables.NOTIFICATION_DELIVERIES;
import static dev.baton.platform.db.Tables.TENANTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.baton.platform.Notification;
import dev.baton.platform.Notifier;
import dev.baton.platform.db.tables.records.NotificationDeliveriesRecord;
import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import dev.baton.wecom.FakeWeCom;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Baton with every channel pointed at a local fake: GreenMail for SMTP, {@link FakeWeCom} for WeCom, an
 * {@link HttpReceiver} for the SMS provider webhook and tenants' webhooks. The worker's own poll is an hour apart,
 * so tests run it themselves with {@link #deliver()} after moving the clock.
 */
abstract class NotifyTest extends IntegrationTest {

    static final FakeWeCom WECOM = new FakeWeCom();
    static final HttpReceiver HTTP = new HttpReceiver();
    static final GreenMail MAIL = startMail();
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Notifier notifier;

    @Autowired
    DeliveryWorker worker;

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    @DynamicPropertySource
    static void channels(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("baton.wecom.corp-id", () -> FakeWeCom.CORP_ID);
        registry.add("baton.wecom.agent-id", () -> FakeWeCom.AGENT_ID);
        registry.add("baton.wecom.secret", () -> FakeWeCom.SECRET);
        registry.add("baton.wecom.base-url", WECOM::baseUrl);
        registry.add("baton.notify.sms-webhook-url", () -> HTTP.url("/sms"));
        registry.add("baton.notify.poll-interval", () -> "1h");
        registry.add("baton.notify.link-base", () -> "https://baton.example.com");
    }

    /** A user with every address, logged in. */
    record Person(long id, String username, String email, String mobile, String wecomId, Api api) {}

    /** A fresh tenant: its administrator, id and code. */
    record Tenant(Api admin, long id, String code) {}

    Tenant tenant() {
        Api admin = newTenant();
        String code = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        long id = this.db
                .select(TENANTS.TENANT_ID)
                .from(TENANTS)
                .where(TENANTS.CODE.eq(code))
                .fetchSingle(TENANTS.TENANT_ID);
        return new Tenant(admin, id, code);
    }

    Person person(Tenant t, String roleCode) {
        int n = PEOPLE.incrementAndGet();
        String username = "p" + n + "-" + System.nanoTime() % 100_000;
        String email = username + "@example.com";
        String mobile = "+86 138" + String.format("%08d", n);
        String wecom = "wx-" + username;
        long root =
                t.admin().get("/api/v1/departments").json().get(0).path("id").asLong();
        Api.Response r = t.admin()
                .post(
                        "/api/v1/users",
                        Map.of(
                                "username",
                                username,
                                "displayName",
                                "用户" + n,
                                "password",
                                "Secret-123456",
                                "email",
                                email,
                                "mobile",
                                mobile,
                                "wecomUserId",
                                wecom,
                                "departmentIds",
                                List.of(root),
                                "roleIds",
                                List.of(roleIds(t.admin()).get(roleCode))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Api api = api().login(t.code(), username, "Secret-123456");
        return new Person(r.id(), username, email, mobile, wecom, api);
    }

    /** Notifies in a transaction of its own, as the SLA module does inside its timers' transactions. */
    void notify(long tenantId, String event, Set<Long> to, Map<String, String> variables, String dedupKey) {
        this.tx.executeWithoutResult(
                s -> this.notifier.notify(new Notification(tenantId, event, null, to, variables, dedupKey)));
    }

    /** Runs the worker until nothing is due. */
    void deliver() {
        for (int i = 0; i < 50 && this.worker.deliverDue() > 0; i++) {
            // more may be due
        }
    }

    List<NotificationDeliveriesRecord> deliveries(long tenantId) {
        return this.db
                .selectFrom(NOTIFICATION_DELIVERIES)
                .where(NOTIFICATION_DELIVERIES.TENANT_ID.eq(tenantId))
                .orderBy(NOTIFICATION_DELIVERIES.ID)
                .fetch();
    }

    static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    static List<HttpReceiver.Received> smsTo(String mobile) {
        return HTTP.at("/sms").stream().filter(r -> r.body().contains(mobile)).toList();
    }

    void awaitRows(Tenant t, String event, Person to) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> deliveries(t.id()).stream()
                        .anyMatch(d -> d.getEvent().equals(event)
                                && d.getRecipientId() != null
                                && d.getRecipientId() == to.id()));
    }

    static long template(Api admin) {
        Api.Response r = admin.post(
                "/api/v1/templates",
                Map.of(
                        "name",
                        "报修",
                        "code",
                        "repair",
                        "fields",
                        List.of(Map.of("key", "note", "label", "说明", "type", "text"))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.id();
    }

    /** start → 审批 (one approver) → 处理 (one handler) → end. */
    static void publish(Api admin, long template, long approver, long handler) {
        publish(admin, template, approver, handler, "处理");
    }

    /** start → 审批 (one approver) → the handler's task, named so → end. */
    static void publish(Api admin, long template, long approver, long handler, String taskName) {
        Map<String, Object> end = Map.of("id", "done", "type", "end", "name", "完成");
        Map<String, Object> handle = new HashMap<>();
        handle.put("id", "handle");
        handle.put("type", "task");
        handle.put("name", taskName);
        handle.put("assignee", Map.of("strategy", "user", "userId", handler));
        handle.put("next", end);
        Map<String, Object> approval = new HashMap<>();
        approval.put("id", "approve");
        approval.put("type", "approval");
        approval.put("name", "审批");
        approval.put("mode", "serial");
        approval.put("approvers", List.of(Map.of("strategy", "user", "userId", approver)));
        approval.put("next", handle);
        Map<String, Object> start = new HashMap<>();
        start.put("id", "start");
        start.put("type", "start");
        start.put("name", "提交");
        start.put("next", approval);
        Api.Response flow =
                admin.post("/api/v1/flows", Map.of("name", "报修流程", "templateId", template, "definition", start));
        assertThat(flow.status()).as(flow.body()).isEqualTo(201);
        Api.Response published = admin.post("/api/v1/flows/" + flow.id() + "/publish", Map.of("version", 0));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }
}
