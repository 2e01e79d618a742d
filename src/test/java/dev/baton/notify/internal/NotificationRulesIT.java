package dev.baton.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.platform.Notification;
import dev.baton.platform.db.tables.records.NotificationDeliveriesRecord;
import dev.baton.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who gets what, when: preferences, quiet hours, urgency, transactions and repeats. */
class NotificationRulesIT extends NotifyTest {

    private static final Map<String, String> SLA = Map.of("sla.metric", "响应时效", "sla.dueAt", "10:00");

    @Test
    void quietHoursHoldMessagesUntilTheyEndButLetUrgentOnesAndTheInboxThrough() {
        Tenant t = tenant();
        Person sleeper = person(t, "agent");
        Person nightOwl = person(t, "agent");
        LocalTime local = this.clock
                .instant()
                .atZone(ZoneId.of("Asia/Shanghai"))
                .toLocalTime()
                .truncatedTo(ChronoUnit.MINUTES);
        String start = local.minusHours(1).toString();
        String end = local.plusHours(2).toString();
        int version = t.admin()
                .get("/api/v1/notification-settings")
                .json()
                .path("version")
                .asInt();
        Api.Response set = t.admin()
                .put(
                        "/api/v1/notification-settings",
                        Map.of("quietHours", Map.of("start", start, "end", end), "version", version));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        // the night owl turned quiet hours off for themselves (start = end)
        Api.Response own = nightOwl.api()
                .put(
                        "/api/v1/notification-preferences",
                        Map.of("quietHours", Map.of("start", "00:00", "end", "00:00")));
        assertThat(own.status()).as(own.body()).isEqualTo(200);

        notify(t.id(), "reminder", Set.of(sleeper.id(), nightOwl.id()), SLA, "quiet-reminder");
        notify(t.id(), "escalated_l2", Set.of(sleeper.id()), SLA, "quiet-escalation");
        deliver();

        assertThat(mailTo(sleeper.email())).extracting(m -> subject(m)).containsExactly("工单超时二级升级：");
        assertThat(mailTo(nightOwl.email())).extracting(m -> subject(m)).containsExactly("工单即将超时：");
        assertThat(WECOM.sentTo(sleeper.wecomId())).hasSize(1);
        assertThat(sleeper.api()
                        .get("/api/v1/notifications/inbox/unread-count")
                        .json()
                        .path("count")
                        .asInt())
                .isEqualTo(2);

        NotificationDeliveriesRecord held = deliveries(t.id()).stream()
                .filter(d -> d.getRecipientId() == sleeper.id()
                        && d.getEvent().equals("reminder")
                        && d.getChannel().equals("email"))
                .findFirst()
                .orElseThrow();
        assertThat(held.getStatus()).isEqualTo("pending");
        Instant quietEnd = held.getNextAttemptAt();
        assertThat(Duration.between(this.clock.instant(), quietEnd))
                .isBetween(Duration.ofMinutes(119), Duration.ofHours(2));

        this.clock.advance(Duration.between(this.clock.instant(), quietEnd));
        deliver();
        assertThat(mailTo(sleeper.email()))
                .extracting(m -> subject(m))
                .containsExactlyInAnyOrder("工单超时二级升级：", "工单即将超时：");
        assertThat(WECOM.sentTo(sleeper.wecomId())).hasSize(2);
    }

    @Test
    void aTenantThatTurnedNotificationsOffQueuesNothingUntilItTurnsThemOnAgain() {
        Tenant t = tenant();
        Person p = person(t, "agent");
        int version = t.admin()
                .get("/api/v1/notification-settings")
                .json()
                .path("version")
                .asInt();
        Api.Response off = t.admin().put("/api/v1/notification-settings", Map.of("enabled", false, "version", version));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().path("enabled").asBoolean()).isFalse();

        notify(t.id(), "reminder", Set.of(p.id()), SLA, "off-reminder");
        deliver();
        assertThat(deliveries(t.id())).isEmpty();
        assertThat(mailTo(p.email())).isEmpty();

        Api.Response on = t.admin()
                .put(
                        "/api/v1/notification-settings",
                        Map.of("version", off.json().path("version").asInt()));
        assertThat(on.json().path("enabled").asBoolean()).isTrue();
        notify(t.id(), "reminder", Set.of(p.id()), SLA, "on-reminder");
        deliver();
        assertThat(mailTo(p.email())).extracting(m -> subject(m)).containsExactly("工单即将超时：");
    }

    @Test
    void aUserWhoTurnedAChannelOffForAnEventGetsNothingThere() {
        Tenant t = tenant();
        Person p = person(t, "agent");
        Api.Response put = p.api()
                .put(
                        "/api/v1/notification-preferences",
                        Map.of(
                                "preferences",
                                List.of(
                                        Map.of("event", "reminder", "channel", "email", "enabled", false),
                                        Map.of("event", "reminder", "channel", "wecom", "enabled", false))));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode matrix = p.api().get("/api/v1/notification-preferences").json().path("preferences");
        assertThat(enabled(matrix, "reminder", "email")).isFalse();
        assertThat(enabled(matrix, "breached", "email")).isTrue();
        assertThat(enabled(matrix, "reminder", "sms")).isFalse();
        assertThat(enabled(matrix, "reminder", "inapp")).isTrue();

        notify(t.id(), "reminder", Set.of(p.id()), SLA, "prefs-reminder");
        notify(t.id(), "breached", Set.of(p.id()), SLA, "prefs-breached");
        deliver();

        assertThat(mailTo(p.email())).extracting(m -> subject(m)).containsExactly("工单已超时：");
        assertThat(WECOM.sentTo(p.wecomId())).hasSize(1);
        assertThat(deliveries(t.id()))
                .filteredOn(d -> d.getEvent().equals("reminder"))
                .extracting(NotificationDeliveriesRecord::getChannel)
                .containsExactly("inapp");

        Api.Response bad = p.api()
                .put(
                        "/api/v1/notification-preferences",
                        Map.of("preferences", List.of(Map.of("event", "reminder", "channel", "fax", "enabled", true))));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.at("/errors/0/field").asString()).isEqualTo("preferences[0].channel");
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        Tenant t = tenant();
        Person p = person(t, "agent");
        this.tx.executeWithoutResult(s -> {
            this.notifier.notify(new Notification(t.id(), "reminder", null, Set.of(p.id()), SLA, "rolled-back"));
            s.setRollbackOnly();
        });
        deliver();
        assertThat(deliveries(t.id())).isEmpty();
        assertThat(mailTo(p.email())).isEmpty();
        assertThat(WECOM.sentTo(p.wecomId())).isEmpty();
    }

    @Test
    void theSameEventTwiceIsSentOnce() {
        Tenant t = tenant();
        Person p = person(t, "agent");
        notify(t.id(), "breached", Set.of(p.id()), SLA, "sla:42:breached");
        deliver();
        notify(t.id(), "breached", Set.of(p.id()), SLA, "sla:42:breached");
        deliver();
        assertThat(mailTo(p.email())).hasSize(1);
        assertThat(WECOM.sentTo(p.wecomId())).hasSize(1);
        assertThat(deliveries(t.id())).hasSize(3);

        notify(t.id(), "breached", Set.of(p.id()), SLA, "sla:43:breached");
        deliver();
        assertThat(mailTo(p.email())).hasSize(2);
    }

    private static boolean enabled(JsonNode matrix, String event, String channel) {
        for (JsonNode c : matrix) {
            if (c.path("event").asString().equals(event)
                    && c.path("channel").asString().equals(channel)) {
                return c.path("enabled").asBoolean();
            }
        }
        throw new AssertionError("no " + event + "/" + channel + " in " + matrix);
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
