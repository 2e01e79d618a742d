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
}
