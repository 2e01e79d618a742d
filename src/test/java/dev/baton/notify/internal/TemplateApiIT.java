package dev.baton.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Templates are seeded, edited under an optimistic lock, checked, previewed — and used for the next message. */
class TemplateApiIT extends NotifyTest {

    @Test
    void aTenantStartsWithEveryTemplateAndAnEditAppliesToTheNextMessage() {
        Tenant t = tenant();
        Person p = person(t, "agent");
        JsonNode all = t.admin().get("/api/v1/notification-templates").json();
        assertThat(all).hasSize(Events.ALL.size() * Channel.PERSONAL.size());
        JsonNode reminderMail = find(all, "reminder", "email");
        assertThat(reminderMail.path("subject").asString()).isEqualTo("工单即将超时：{{ticket.number}}");

        long id = reminderMail.path("id").asLong();
        Api.Response edited = t.admin()
                .put(
                        "/api/v1/notification-templates/" + id,
                        Map.of("subject", "【提醒】{{sla.metric}}快到了", "body", "请在 {{sla.dueAt}} 前处理。", "version", 0));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("version").asInt()).isEqualTo(1);

        Api.Response stale = t.admin()
                .put("/api/v1/notification-templates/" + id, Map.of("subject", "x", "body", "y", "version", 0));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("currentVersion").asInt()).isEqualTo(1);

        notify(t.id(), "reminder", Set.of(p.id()), Map.of("sla.metric", "解决时效", "sla.dueAt", "18:00"), "edited");
        deliver();
        assertThat(mailTo(p.email()))
                .extracting(m -> {
                    try {
                        return m.getSubject();
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .containsExactly("【提醒】解决时效快到了");

        // deleting the tenant's text brings back the shipped default
        assertThat(t.admin().delete("/api/v1/notification-templates/" + id).status())
                .isEqualTo(204);
        Api.Response recreate = t.admin()
                .post(
                        "/api/v1/notification-templates",
                        Map.of("event", "reminder", "channel", "email", "subject", "s", "body", "b"));
        assertThat(recreate.status()).as(recreate.body()).isEqualTo(201);
        Api.Response duplicate = t.admin()
                .post(
                        "/api/v1/notification-templates",
                        Map.of("event", "reminder", "channel", "email", "subject", "s", "body", "b"));
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void aTemplateThatDoesNotCompileOrUsesUnknownVariablesIsRefusedNamingTheField() {
        Tenant t = tenant();
        long id = find(t.admin().get("/api/v1/notification-templates").json(), "assigned", "wecom")
                .path("id")
                .asLong();
        Api.Response r = t.admin()
                .english()
                .put(
                        "/api/v1/notification-templates/" + id,
                        Map.of("subject", "{{#ticket.number}}未闭合", "body", "{{ticket.titel}} {{link}}", "version", 0));
        assertThat(r.status()).isEqualTo(400);
        JsonNode errors = r.json().path("errors");
        assertThat(errors.findValuesAsString("field")).containsExactly("subject", "body");
        assertThat(errors.get(1).path("message").asString())
                .contains("ticket.titel")
                .contains("ticket.title");

        Api.Response unknownEvent = t.admin()
                .post(
                        "/api/v1/notification-templates",
                        Map.of("event", "exploded", "channel", "pigeon", "subject", "s", "body", "b"));
        assertThat(unknownEvent.status()).isEqualTo(400);
        assertThat(unknownEvent.json().path("errors").findValuesAsString("field"))
                .containsExactly("event", "channel");

        Person agent = person(t, "agent");
        assertThat(agent.api().get("/api/v1/notification-templates").status()).isEqualTo(403);
    }

    @Test
    void previewRendersWithSampleValuesOrARealTicket() {
        Tenant t = tenant();
        Api.Response sample = t.admin()
                .post(
                        "/api/v1/notification-templates/preview",
                        Map.of("subject", "{{ticket.number}}", "body", "{{ticket.title}} → {{link}}"));
        assertThat(sample.status()).as(sample.body()).isEqualTo(200);
        assertThat(sample.json().path("subject").asString()).isEqualTo("GD20261001-0001");
        assertThat(sample.json().path("body").asString()).isEqualTo("空调不制冷 → http://localhost:8080/tickets/1");

        Api.Response stored =
                t.admin().post("/api/v1/notification-templates/preview", Map.of("event", "urged", "channel", "inapp"));
        assertThat(stored.json().path("body").asString()).isEqualTo("张三催办了工单「空调不制冷」，请尽快处理。");

        Api.Response missing = t.admin()
                .post(
                        "/api/v1/notification-templates/preview",
                        Map.of("subject", "s", "body", "b", "ticketId", 999_999_999));
        assertThat(missing.status()).isEqualTo(404);
    }

    @Test
    void theInboxCountsUnreadAndMarksRead() {
        Tenant t = tenant();
        Person p = person(t, "agent");
        Person other = person(t, "agent");
        notify(t.id(), "breached", Set.of(p.id()), Map.of(), "inbox-1");
        notify(t.id(), "reminder", Set.of(p.id()), Map.of(), "inbox-2");
        deliver();
        assertThat(unread(p)).isEqualTo(2);
        JsonNode page = p.api().get("/api/v1/notifications/inbox?size=1").json();
        assertThat(page.path("total").asInt()).isEqualTo(2);
        assertThat(page.at("/items/0/event").asString()).isEqualTo("reminder");
        long newest = page.at("/items/0/id").asLong();

        assertThat(other.api()
                        .post("/api/v1/notifications/inbox/" + newest + "/read", null)
                        .status())
                .isEqualTo(404);
        assertThat(p.api()
                        .post("/api/v1/notifications/inbox/" + newest + "/read", null)
                        .status())
                .isEqualTo(204);
        assertThat(unread(p)).isEqualTo(1);
        assertThat(p.api()
                        .get("/api/v1/notifications/inbox?unread=true")
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(p.api()
                        .post("/api/v1/notifications/inbox/read-all", null)
                        .json()
                        .path("marked")
                        .asInt())
                .isEqualTo(1);
        assertThat(unread(p)).isZero();
        assertThat(p.api().get("/api/v1/notifications/inbox?size=500").status()).isEqualTo(400);
    }

    private static int unread(Person p) {
        return p.api()
                .get("/api/v1/notifications/inbox/unread-count")
                .json()
                .path("count")
                .asInt();
    }

    private static JsonNode find(JsonNode all, String event, String channel) {
        for (JsonNode n : all) {
            if (n.path("event").asString().equals(event)
                    && n.path("channel").asString().equals(channel)) {
                return n;
            }
        }
        throw new AssertionError("no template " + event + "/" + channel);
    }
}
