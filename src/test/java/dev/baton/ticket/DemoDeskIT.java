package dev.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoDeskIT extends IntegrationTest {

    @Test
    void theDemoTenantHasAPublishedFlowForEveryTemplateAndTakesTickets() {
        Api admin = api().login("demo", "admin", "baton-demo");
        List<String> published = new ArrayList<>();
        admin.get("/api/v1/flows").json().path("items").forEach(f -> {
            if (f.path("publishedVersion").asInt() == 1) {
                published.add(f.path("name").asString());
            }
        });
        assertThat(published).contains("安装流程", "维修流程", "投诉处理流程");

        long complaint = -1;
        for (var t : admin.get("/api/v1/templates").json().path("items")) {
            if (t.path("code").asString().equals("complaint")) {
                complaint = t.path("id").asLong();
            }
        }
        Api.Response created = admin.post(
                "/api/v1/tickets",
                Map.of(
                        "templateId",
                        complaint,
                        "title",
                        "师傅迟到两小时",
                        "priority",
                        "urgent",
                        "fields",
                        Map.of(
                                "customer",
                                1,
                                "contact_phone",
                                "13800000000",
                                "complaint_type",
                                "attitude",
                                "description",
                                "约好上午，下午才到")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.at("/nodes/0/nodeId").asString()).isEqualTo("accept");
    }

    @Test
    void theDemoTenantStartsWithCustomersAndOpenTicketsFromEveryKindOfChannel() {
        Api admin = api().login("demo", "admin", "baton-demo");
        var customers = admin.get("/api/v1/customers?size=50").json();
        assertThat(customers.path("total").asInt()).isGreaterThanOrEqualTo(6);
        List<String> sources = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        admin.get("/api/v1/tickets?size=100&sort=createdAt")
                .json()
                .path("items")
                .forEach(t -> {
                    if (t.path("number").asString().isEmpty()
                            || t.path("customerId").isNull()) {
                        return;
                    }
                    sources.add(t.path("source").asString());
                    titles.add(t.path("title").asString());
                });
        assertThat(titles).contains("写字楼中央空调漏水", "维修师傅上门迟到两小时", "酒店客房热水器批量安装");
        assertThat(sources).contains("wecom_group", "wecom_sidebar", "web", "mini_program", "official_account");
        // the sidebar's demo contact is a customer
        var linked = admin.get("/api/v1/customers?q=陈晓明").json().path("items").get(0);
        assertThat(linked.path("wecomExternalIds").get(0).asString()).isEqualTo("wmDemoChenXM001");
    }

    @Test
    void theDemoFlowsShowDeadlinesInTheSandbox() {
        Api admin = api().login("demo", "admin", "baton-demo");
        long flow = -1;
        for (var f : admin.get("/api/v1/flows").json().path("items")) {
            if (f.path("name").asString().equals("安装流程")) {
                flow = f.path("id").asLong();
            }
        }
        Api.Response run = admin.post("/api/v1/flows/" + flow + "/simulate", Map.of());
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        var accept = run.json().path("steps").get(1);
        assertThat(accept.path("nodeId").asString()).isEqualTo("accept");
        assertThat(accept.at("/sla/target").asString()).isEqualTo("PT2H");
        // on the demo's 标准工作日历 (09:00-12:00, 13:30-18:00 in Shanghai)
        var due = java.time.OffsetDateTime.parse(accept.at("/sla/dueAt").asString());
        assertThat(due.getOffset()).isEqualTo(java.time.ZoneOffset.ofHours(8));
        assertThat(due.toInstant())
                .isAfter(this.clock.instant().plus(java.time.Duration.ofHours(2).minusSeconds(1)));
    }
}
