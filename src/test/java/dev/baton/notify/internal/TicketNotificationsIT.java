package dev.baton.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.platform.db.tables.records.NotificationDeliveriesRecord;
import dev.baton.support.Api;
import dev.baton.ticket.TicketEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/** Ticket events, delivered by the ticket module's relay after commit, become notifications. */
class TicketNotificationsIT extends NotifyTest {

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void theLifeOfATicketTellsTheRightPeople() {
        Tenant t = tenant();
        Person creator = person(t, "agent");
        Person approver = person(t, "supervisor");
        Person handler = person(t, "engineer");
        Person stranger = person(t, "engineer");
        long template = template(t.admin());
        publish(t.admin(), template, approver.id(), handler.id());

        Api.Response created = creator.api()
                .post(
                        "/api/v1/tickets",
                        Map.of("templateId", template, "title", "打印机卡纸", "fields", Map.of(), "source", "web"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long ticket = created.id();
        String number = created.json().path("number").asString();

        awaitRows(t, "created", creator);
        awaitRows(t, "assigned", approver);
        deliver();
        JsonNode inbox = creator.api().get("/api/v1/notifications/inbox").json();
        assertThat(inbox.at("/items/0/title").asString()).isEqualTo("工单已创建：" + number);
        assertThat(inbox.at("/items/0/body").asString()).contains("打印机卡纸");
        assertThat(inbox.at("/items/0/link").asString()).isEqualTo("https://baton.example.com/tickets/" + ticket);
        int version = approver.api()
                .get("/api/v1/tickets/" + ticket)
                .json()
                .path("version")
                .asInt();
        // an assignment on WeCom is a card to accept it from
        JsonNode message = WECOM.sentTo(approver.wecomId()).getFirst();
        assertThat(message.path("msgtype").asString()).isEqualTo("template_card");
        JsonNode card = message.path("template_card");
        assertThat(card.path("card_type").asString()).isEqualTo("button_interaction");
        assertThat(card.at("/main_title/title").asString()).isEqualTo("新工单待处理：" + number);
        assertThat(card.path("sub_title_text").asString()).isEqualTo("工单「打印机卡纸」已分派给您，请及时处理。");
        assertThat(card.path("horizontal_content_list")
                        .valueStream()
                        .map(r -> r.path("keyname").asString() + "="
                                + r.path("value").asString()))
                .containsExactly("工单号=" + number, "标题=打印机卡纸", "优先级=普通", "节点=审批");
        assertThat(card.at("/card_action/url").asString()).isEqualTo("https://baton.example.com/tickets/" + ticket);
        JsonNode accept = card.path("button_list").get(0);
        assertThat(accept.path("text").asString()).isEqualTo("接单");
        assertThat(accept.path("key").asString())
                .isEqualTo(dev.baton.wecom.CardKeys.accept(ticket, version, "approve"));
        JsonNode view = card.path("button_list").get(1);
        assertThat(view.path("text").asString()).isEqualTo("查看");
        assertThat(view.path("type").asInt()).isEqualTo(1);
        assertThat(view.path("url").asString()).isEqualTo("https://baton.example.com/tickets/" + ticket);

        Api.Response approved = approver.api()
                .post("/api/v1/tickets/" + ticket + "/actions/approve", Map.of("expectedVersion", version));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        awaitRows(t, "approved", creator);
        awaitRows(t, "assigned", handler);

        Api.Response comment = handler.api()
                .post(
                        "/api/v1/tickets/" + ticket + "/actions/comment",
                        Map.of(
                                "comment",
                                "<p>请确认 <span class=\"mention\" data-user-id=\"" + creator.id()
                                        + "\">@提交人</span></p>"));
        assertThat(comment.status()).as(comment.body()).isEqualTo(200);
        awaitRows(t, "commented", creator);

        Api.Response urge = creator.api().post("/api/v1/tickets/" + ticket + "/actions/urge", Map.of());
        assertThat(urge.status()).as(urge.body()).isEqualTo(200);
        awaitRows(t, "urged", handler);
        deliver();

        assertThat(mailTo(creator.email()))
                .extracting(m -> subject(m))
                .containsExactlyInAnyOrder(
                        "工单已创建：" + number, "审批已通过：" + number, name(t, handler) + "在工单中提到了您：" + number);
        // other events keep the text card
        assertThat(WECOM.sentTo(handler.wecomId()))
                .extracting(m -> m.path("msgtype").asString() + ": "
                        + m.at("/template_card/main_title/title").asString()
                        + m.at("/textcard/title").asString())
                .containsExactly("template_card: 新工单待处理：" + number, "textcard: 工单催办：" + number);
        assertThat(WECOM.sentTo(handler.wecomId())
                        .get(1)
                        .at("/textcard/description")
                        .asString())
                .isEqualTo(name(t, creator) + "催办了工单「打印机卡纸」，请尽快处理。");
        // nobody is told about their own action
        assertThat(deliveries(t.id()))
                .filteredOn(d -> d.getEvent().equals("urged"))
                .extracting(NotificationDeliveriesRecord::getRecipientId)
                .containsOnly(handler.id());

        JsonNode log = creator.api()
                .get("/api/v1/tickets/" + ticket + "/notifications")
                .json();
        assertThat(log).isNotEmpty();
        assertThat(log.findValuesAsString("status")).containsOnly("sent");
        JsonNode first = log.get(0);
        assertThat(first.path("recipientName").asString()).isNotBlank();
        assertThat(first.at("/log/0/ok").asBoolean()).isTrue();
        // addresses (e-mail, mobile) are for administrators
        assertThat(log.findValues("address")).allMatch(JsonNode::isNull);
        assertThat(t.admin()
                        .get("/api/v1/tickets/" + ticket + "/notifications")
                        .json()
                        .findValuesAsString("address"))
                .contains(creator.email(), handler.wecomId());
        assertThat(stranger.api()
                        .get("/api/v1/tickets/" + ticket + "/notifications")
                        .status())
                .isEqualTo(404);

        // the relay delivers at least once: a repeat of an event already told writes nothing
        int rows = deliveries(t.id()).size();
        this.tx.executeWithoutResult(s -> this.events.publishEvent(new TicketEvent.TicketUrged(
                t.id(), ticket, urge.json().path("version").asInt(), this.clock.instant(), creator.id())));
        assertThat(deliveries(t.id())).hasSize(rows);
    }

    @Test
    void aRejectionTellsTheCreator() {
        Tenant t = tenant();
        Person creator = person(t, "agent");
        Person approver = person(t, "supervisor");
        Person handler = person(t, "engineer");
        long template = template(t.admin());
        publish(t.admin(), template, approver.id(), handler.id());
        long ticket = creator.api()
                .post(
                        "/api/v1/tickets",
                        Map.of("templateId", template, "title", "报销单", "fields", Map.of(), "source", "web"))
                .id();
        awaitRows(t, "assigned", approver);
        int version = approver.api()
                .get("/api/v1/tickets/" + ticket)
                .json()
                .path("version")
                .asInt();
        Api.Response rejected = approver.api()
                .post(
                        "/api/v1/tickets/" + ticket + "/actions/reject",
                        Map.of("expectedVersion", version, "comment", "<p>金额不对</p>"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        awaitRows(t, "rejected", creator);
        deliver();
        assertThat(creator.api().get("/api/v1/notifications/inbox").json().findValuesAsString("title"))
                .contains("审批被驳回：" + rejected.json().path("number").asString());
    }

    @Test
    void anAssignmentNamesTheNodeAsTheDesignerNamedIt() {
        Tenant t = tenant();
        Person creator = person(t, "agent");
        Person approver = person(t, "supervisor");
        Person handler = person(t, "engineer");
        JsonNode inapp = t.admin()
                .get("/api/v1/notification-templates")
                .json()
                .valueStream()
                .filter(n -> n.path("event").asString().equals("assigned")
                        && n.path("channel").asString().equals("inapp"))
                .findFirst()
                .orElseThrow();
        Api.Response edited = t.admin()
                .put(
                        "/api/v1/notification-templates/" + inapp.path("id").asLong(),
                        Map.of(
                                "subject",
                                "{{node.name}}：{{ticket.number}}",
                                "body",
                                "「{{node.name}}」（{{node.id}}）待您处理",
                                "version",
                                inapp.path("version").asInt()));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        long template = template(t.admin());
        publish(t.admin(), template, approver.id(), handler.id(), "受理");
        long ticket = creator.api()
                .post(
                        "/api/v1/tickets",
                        Map.of("templateId", template, "title", "门禁失灵", "fields", Map.of(), "source", "web"))
                .id();
        awaitRows(t, "assigned", approver);
        int version = approver.api()
                .get("/api/v1/tickets/" + ticket)
                .json()
                .path("version")
                .asInt();
        Api.Response approved = approver.api()
                .post("/api/v1/tickets/" + ticket + "/actions/approve", Map.of("expectedVersion", version));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        awaitRows(t, "assigned", handler);
        deliver();

        assertThat(handler.api()
                        .get("/api/v1/notifications/inbox")
                        .json()
                        .at("/items/0/body")
                        .asString())
                .isEqualTo("「受理」（handle）待您处理");
        assertThat(approver.api()
                        .get("/api/v1/notifications/inbox")
                        .json()
                        .at("/items/0/body")
                        .asString())
                .isEqualTo("「审批」（approve）待您处理");
    }

    private String name(Tenant t, Person p) {
        return t.admin()
                .get("/api/v1/users/" + p.id())
                .json()
                .path("displayName")
                .asString();
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
