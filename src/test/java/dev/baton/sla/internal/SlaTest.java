package dev.baton.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.baton.platform.Notification;
import dev.baton.platform.db.Tables;
import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import dev.baton.support.RecordingNotifier;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Integration tests on a fresh {@link SlaDesk}, with the notifications sent and the timers moved by the clock. */
abstract class SlaTest extends IntegrationTest {

    @Autowired
    DSLContext db;

    @Autowired
    RecordingNotifier notifier;

    @Autowired
    Scheduler slaScheduler;

    @Autowired
    SlaDue slaDue;

    SlaDesk desk() {
        Api admin = newTenant();
        String code = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        long tenantId = this.db
                .select(Tables.TENANTS.TENANT_ID)
                .from(Tables.TENANTS)
                .where(Tables.TENANTS.CODE.eq(code))
                .fetchSingle(Tables.TENANTS.TENANT_ID);
        return new SlaDesk(
                admin,
                tenantId,
                roleIds(admin),
                new SlaDesk.Creator() {
                    @Override
                    public long department(String name, long parentId) {
                        return createDepartment(admin, name, parentId);
                    }

                    @Override
                    public long user(String username, long department, long role) {
                        return createUser(admin, username, List.of(department), List.of(role));
                    }
                },
                username -> api().login(code, username, "Secret-123456"));
    }

    /** Waits until the ticket's SLA view has a metric satisfying {@code test}, and returns that metric. */
    JsonNode awaitMetric(Api as, long ticketId, String metric, Predicate<JsonNode> test) {
        JsonNode[] found = {null};
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    for (JsonNode m : as.get("/api/v1/tickets/" + ticketId + "/sla")
                            .json()
                            .path("metrics")) {
                        if (m.path("metric").asString().equals(metric) && test.test(m)) {
                            found[0] = m;
                            return true;
                        }
                    }
                    return false;
                });
        return found[0];
    }

    static Predicate<JsonNode> state(String state) {
        return m -> m.path("state").asString().equals(state);
    }

    static Instant instant(JsonNode text) {
        return OffsetDateTime.parse(text.asString()).toInstant();
    }

    /** Asks the given nodes' SLA polls to look until the ticket has had {@code count} notifications matching. */
    List<Notification> awaitNotified(long ticketId, String metric, String event, int count, SlaDue... nodes) {
        SlaDue[] all = nodes.length == 0 ? new SlaDue[] {this.slaDue} : nodes;
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    for (SlaDue d : all) {
                        d.run();
                    }
                    return notified(ticketId, metric, event).size() >= count;
                });
        return notified(ticketId, metric, event);
    }

    List<Notification> notified(long ticketId, String metric, String event) {
        return this.notifier.about(ticketId).stream()
                .filter(n ->
                        n.event().equals(event) && metric.equals(n.variables().get("sla.metric")))
                .toList();
    }

    int version(Api as, long ticketId) {
        return as.get("/api/v1/tickets/" + ticketId).json().path("version").asInt();
    }

    Api.Response act(Api as, long ticketId, String action, Map<String, Object> body) {
        Api.Response r = as.post("/api/v1/tickets/" + ticketId + "/actions/" + action, body);
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
        return r;
    }
}
