package dev.baton.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fresh tenant for SLA tests: 客服部 led by {@code lead}, an agent in it, a supervisor, a template and a flow
 * start → 受理 ({@code handle}, agent role, its own SLA {@code PT2H}) → end. The tenant's policies are replaced by one
 * on the 7×24 calendar (so business time is wall time), made by {@link #policy}.
 */
final class SlaDesk {

    final Api admin;
    final Api agent;
    final long tenantId;
    final long leadId;
    final long agentId;
    final long supervisorId;
    final long templateId;
    final long allDayCalendar;

    SlaDesk(Api admin, long tenantId, Map<String, Long> roles, Creator create, Login login) {
        this.admin = admin;
        this.tenantId = tenantId;
        long root = admin.get("/api/v1/departments").json().get(0).path("id").asLong();
        long service = create.department("客服部", root);
        this.leadId = create.user("lead", service, roles.get("engineer"));
        this.agentId = create.user("agent1", service, roles.get("agent"));
        this.supervisorId = create.user("super1", service, roles.get("supervisor"));
        Api.Response led = admin.put(
                "/api/v1/departments/" + service,
                Map.of("name", "客服部", "parentId", root, "leaderUserId", this.leadId, "version", 0));
        assertThat(led.status()).as(led.body()).isEqualTo(200);
        this.agent = login.as("agent1");
        Api.Response template = admin.post(
                "/api/v1/templates",
                Map.of(
                        "name",
                        "报修",
                        "code",
                        "repair",
                        "fields",
                        List.of(Map.of("key", "note", "label", "说明", "type", "text"))));
        assertThat(template.status()).as(template.body()).isEqualTo(201);
        this.templateId = template.id();
        Map<String, Object> end = Map.of("id", "done", "type", "end", "name", "完成");
        Map<String, Object> handle = new HashMap<>();
        handle.put("id", "handle");
        handle.put("type", "task");
        handle.put("name", "受理");
        handle.put("assignee", Map.of("strategy", "role", "roleCode", "agent"));
        handle.put("sla", "PT2H");
        handle.put("next", end);
        Map<String, Object> start = Map.of("id", "start", "type", "start", "name", "提交", "next", handle);
        Api.Response flow =
                admin.post("/api/v1/flows", Map.of("name", "报修流程", "templateId", this.templateId, "definition", start));
        assertThat(flow.status()).as(flow.body()).isEqualTo(201);
        assertThat(admin.post("/api/v1/flows/" + flow.id() + "/publish", Map.of("version", 0))
                        .status())
                .isEqualTo(200);
        long allDay = 0;
        for (var c : admin.get("/api/v1/calendars").json().path("items")) {
            if (c.path("name").asString().equals("7×24")) {
                allDay = c.path("id").asLong();
            }
        }
        this.allDayCalendar = allDay;
        admin.get("/api/v1/sla-policies")
                .json()
                .path("items")
                .forEach(p -> assertThat(admin.delete(
                                        "/api/v1/sla-policies/" + p.path("id").asLong() + "?version="
                                                + p.path("version").asInt())
                                .status())
                        .isEqualTo(204));
    }

    interface Creator {
        long department(String name, long parentId);

        long user(String username, long department, long role);
    }

    interface Login {
        Api as(String username);
    }

    /**
     * A policy on the 7×24 calendar: first response {@code firstResponse}, resolution {@code resolution}, paused
     * while suspended, a 30-minute reminder, L1 at the breach to the agent's leader, L2 an hour later to the
     * supervisors.
     */
    Map<String, Object> policy(String name, String firstResponse, String resolution) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("calendarId", this.allDayCalendar);
        p.put("firstResponse", firstResponse);
        p.put("resolution", resolution);
        p.put("pauseStatuses", List.of("suspended"));
        p.put("reminderBefore", "PT30M");
        p.put(
                "escalations",
                List.of(
                        Map.of(
                                "after",
                                "PT0M",
                                "to",
                                "assignee_leader",
                                "leaderLevel",
                                1,
                                "channels",
                                List.of("wecom")),
                        Map.of(
                                "after",
                                "PT1H",
                                "to",
                                "role",
                                "roleCode",
                                "supervisor",
                                "channels",
                                List.of("wecom", "sms"))));
        return p;
    }

    long create(Map<String, Object> policy) {
        Api.Response r = this.admin.post("/api/v1/sla-policies", policy);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.id();
    }

    long ticket(String title, String priority) {
        Api.Response r = this.admin.post(
                "/api/v1/tickets",
                Map.of(
                        "templateId",
                        this.templateId,
                        "title",
                        title,
                        "fields",
                        Map.of("note", "x"),
                        "source",
                        "web",
                        "priority",
                        priority));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.id();
    }
}
