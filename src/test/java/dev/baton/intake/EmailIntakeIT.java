package dev.baton.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The inbound-mail webhook: a ticket per new mail, a public comment per reply, once per Message-ID. */
class EmailIntakeIT extends IntegrationTest {

    @Test
    void aMailMakesATicketOnceAndTheSendersReplyBecomesAPublicComment() {
        Api admin = newTenant().english();
        long template = template(admin);
        Api.Response channel = admin.post(
                "/api/v1/channels",
                Map.of("code", "support-mail", "name", "客服邮箱", "kind", "email", "templateId", template));
        assertThat(channel.status()).as(channel.body()).isEqualTo(201);
        Api.Response key = admin.post(
                "/api/v1/api-keys",
                Map.of("name", "mail relay", "roleIds", List.of(roleIds(admin).get("admin"))));
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        Api relay = api().english().token(key.text("key"));

        Api.Response bad = relay.post("/api/v1/intake/email", Map.of("channel", "nope", "from", "not-an-address"));
        assertThat(PublicFormsIT.fields(bad)).containsExactlyInAnyOrder("channel", "messageId", "from");

        Map<String, Object> mail = mail("<m1@example.com>", "打印机卡纸", "Wang@Example.com");
        Api.Response created = relay.post("/api/v1/intake/email", mail);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("outcome")).isEqualTo("ticket");
        String number = created.text("number");
        Api.Response redelivered = relay.post("/api/v1/intake/email", mail);
        assertThat(redelivered.status()).isEqualTo(200);
        assertThat(redelivered.text("number")).isEqualTo(number);

        JsonNode items = admin.get("/api/v1/tickets").json().path("items");
        assertThat(items.size()).isEqualTo(1);
        long ticketId = items.get(0).path("id").asLong();
        JsonNode ticket = admin.get("/api/v1/tickets/" + ticketId).json();
        assertThat(ticket.path("source").asString()).isEqualTo("email");
        assertThat(ticket.path("title").asString()).isEqualTo("打印机卡纸");
        assertThat(ticket.at("/nodes/0/nodeId").asString()).isEqualTo("mail_handle");

        // the same sender (address case aside) replying on the ticket: a comment the customer sees, no new ticket
        Api.Response reply = relay.post(
                "/api/v1/intake/email", mail("<m2@example.com>", "Re: [" + number + "] 打印机卡纸", "wang@example.com"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.text("outcome")).isEqualTo("comment");
        assertThat(admin.get("/api/v1/tickets/" + ticketId).body()).contains("还是卡纸");
        // each answer links the sender's progress page, for the relay's acknowledgement mail; it shows the reply
        for (Api.Response answer : List.of(created, redelivered, reply)) {
            String url = answer.text("progressUrl");
            assertThat(url).startsWith("/p/");
            JsonNode page = api().get("/public/progress/" + url.substring(3)).json();
            assertThat(page.path("number").asString()).isEqualTo(number);
        }
        assertThat(api().get("/public/progress/" + reply.text("progressUrl").substring(3))
                        .body())
                .contains("还是卡纸");
        // someone else quoting the number opens a ticket of their own
        Api.Response stranger =
                relay.post("/api/v1/intake/email", mail("<m3@example.com>", "Re: [" + number + "]", "eve@example.com"));
        assertThat(stranger.text("outcome")).isEqualTo("ticket");
        assertThat(admin.get("/api/v1/tickets").json().path("items").size()).isEqualTo(2);
    }

    private static Map<String, Object> mail(String id, String subject, String from) {
        Map<String, Object> m = new HashMap<>();
        m.put("channel", "support-mail");
        m.put("messageId", id);
        m.put("from", from);
        m.put("fromName", "王经理");
        m.put("subject", subject);
        m.put("text", "还是卡纸\n第二行");
        return m;
    }

    private static Map<String, Object> task(String id) {
        Map<String, Object> task = new HashMap<>();
        task.put("id", id);
        task.put("type", "task");
        task.put("name", "受理");
        task.put("assignee", Map.of("strategy", "role", "roleCode", "admin"));
        task.put("next", null);
        return task;
    }

    private static long template(Api admin) {
        Api.Response t = admin.post("/api/v1/templates", Map.of("name", "邮件工单", "code", "mail", "fields", List.of()));
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        // the channel's code is a fact flow conditions read
        Map<String, Object> check = new HashMap<>();
        check.put("id", "which");
        check.put("type", "condition");
        check.put("name", "渠道");
        check.put(
                "branches",
                List.of(
                        Map.of("name", "邮箱", "when", "ticket.channel == 'support-mail'", "next", task("mail_handle")),
                        Map.of("name", "其他", "default", true, "next", task("handle"))));
        check.put("next", null);
        Api.Response flow = admin.post(
                "/api/v1/flows",
                Map.of(
                        "name",
                        "邮件流程",
                        "templateId",
                        t.id(),
                        "definition",
                        Map.of("id", "start", "type", "start", "name", "提交", "next", check)));
        assertThat(flow.status()).as(flow.body()).isEqualTo(201);
        Api.Response published = admin.post("/api/v1/flows/" + flow.id() + "/publish", Map.of("version", 0));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return t.id();
    }
}
