package dev.baton.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.platform.Notification;
import dev.baton.platform.db.tables.records.NotificationDeliveriesRecord;
import dev.baton.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** WeCom's 30 messages a minute per recipient: what goes over waits in one digest, nothing is dropped. */
class RateLimitIT extends NotifyTest {

    @Test
    void thirtyFiveInAMinuteAreThirtyMessagesAndADigestOfFiveOnceTheMinuteIsOver() {
        Tenant t = tenant();
        Person p = person(t, "agent");
        for (int i = 1; i <= 35; i++) {
            notify(t.id(), "reminder", Set.of(p.id()), Map.of("ticket.number", "TK-" + i), "burst-" + i);
            deliver();
            this.clock.advance(Duration.ofSeconds(1));
        }
        List<JsonNode> wecom = WECOM.sentTo(p.wecomId());
        assertThat(wecom).hasSize(30);
        assertThat(wecom.getLast().at("/textcard/title").asString()).isEqualTo("工单即将超时：TK-30");
        // other channels have no such limit
        assertThat(mailTo(p.email())).hasSize(35);

        List<NotificationDeliveriesRecord> merged = wecomRows(t, DeliveryStatus.MERGED);
        assertThat(merged)
                .extracting(NotificationDeliveriesRecord::getSubject)
                .containsExactly("工单即将超时：TK-31", "工单即将超时：TK-32", "工单即将超时：TK-33", "工单即将超时：TK-34", "工单即将超时：TK-35");
        NotificationDeliveriesRecord digest =
                wecomRows(t, DeliveryStatus.PENDING).getFirst();
        assertThat(merged).allMatch(m -> digest.getId().equals(m.getDigestId()));
        assertThat(digest.getEvent()).isEqualTo("digest");
        assertThat(digest.getSubject()).isEqualTo("您有 5 条新的工单通知");

        // the first message went 35 s ago: the digest waits 25 s more
        this.clock.advance(Duration.ofSeconds(24));
        deliver();
        assertThat(WECOM.sentTo(p.wecomId())).hasSize(30);
        this.clock.advance(Duration.ofSeconds(1));
        deliver();
        wecom = WECOM.sentTo(p.wecomId());
        assertThat(wecom).hasSize(31);
        JsonNode card = wecom.getLast();
        assertThat(card.at("/textcard/title").asString()).isEqualTo("您有 5 条新的工单通知");
        assertThat(card.at("/textcard/description").asString())
                .isEqualTo("· 工单即将超时：TK-31\n· 工单即将超时：TK-32\n· 工单即将超时：TK-33\n· 工单即将超时：TK-34\n· 工单即将超时：TK-35");
        assertThat(card.at("/textcard/url").asString()).isEqualTo("https://baton.example.com/tickets");

        assertThat(deliveries(t.id()))
                .filteredOn(d -> d.getId().equals(digest.getId()))
                .singleElement()
                .satisfies(d -> assertThat(d.getStatus()).isEqualTo("sent"));
        JsonNode log =
                t.admin().get("/api/v1/notification-deliveries?status=merged").json();
        assertThat(log.path("total").asInt()).isEqualTo(5);
        assertThat(log.findValues("digestId")).allMatch(id -> id.asLong() == digest.getId());
        assertThat(t.admin()
                        .get("/api/v1/notification-deliveries?status=merged,lost")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aTicketsLogShowsItsMergedDeliveryAndTheDigestThatCarriedIt() {
        Tenant t = tenant();
        Person creator = person(t, "agent");
        Person approver = person(t, "supervisor");
        Person handler = person(t, "engineer");
        Person watcher = person(t, "agent");
        long template = template(t.admin());
        publish(t.admin(), template, approver.id(), handler.id());
        Api.Response created = creator.api()
                .post(
                        "/api/v1/tickets",
                        Map.of("templateId", template, "title", "空调漏水", "fields", Map.of(), "source", "web"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long ticket = created.id();
        String number = created.json().path("number").asString();
        for (int i = 1; i <= 31; i++) {
            int n = i;
            this.tx.executeWithoutResult(s -> this.notifier.notify(new Notification(
                    t.id(), "urged", ticket, Set.of(watcher.id()), Map.of("actor.name", "第" + n + "位"), "urge-" + n)));
        }
        deliver();
        assertThat(WECOM.sentTo(watcher.wecomId())).hasSize(30);
        this.clock.advance(Duration.ofMinutes(1));
        deliver();
        JsonNode digestCard = WECOM.sentTo(watcher.wecomId()).getLast();
        assertThat(digestCard.at("/textcard/title").asString()).isEqualTo("您有 1 条新的工单通知");
        assertThat(digestCard.at("/textcard/description").asString()).isEqualTo("· 工单催办：" + number);
        assertThat(digestCard.at("/textcard/url").asString()).isEqualTo("https://baton.example.com/tickets/" + ticket);

        List<JsonNode> log = t.admin()
                .get("/api/v1/tickets/" + ticket + "/notifications")
                .json()
                .valueStream()
                .filter(d -> d.path("channel").asString().equals("wecom")
                        && d.path("recipientId").asLong() == watcher.id())
                .toList();
        JsonNode merged = log.stream()
                .filter(d -> d.path("status").asString().equals("merged"))
                .findFirst()
                .orElseThrow();
        assertThat(log)
                .filteredOn(
                        d -> d.path("id").asLong() == merged.path("digestId").asLong())
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.path("event").asString()).isEqualTo("digest");
                    assertThat(d.path("status").asString()).isEqualTo("sent");
                });
        assertThat(log)
                .filteredOn(d -> d.path("status").asString().equals("sent"))
                .hasSize(31);
    }

    private List<NotificationDeliveriesRecord> wecomRows(Tenant t, String status) {
        return deliveries(t.id()).stream()
                .filter(d -> d.getChannel().equals("wecom") && d.getStatus().equals(status))
                .toList();
    }
}
