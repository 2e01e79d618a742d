package dev.baton.bench;

import dev.baton.support.Api;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's tenant, set up over HTTP the way an administrator does it: a service department, per driver
 * thread an agent, a supervisor and an engineer, a template with a money field {@code amount}, and the published
 * flow of the baseline: start → triage (task, role agent) → {@code fields.amount > 5000} ? approval (any
 * supervisor) → resolve (task, role engineer) → end.
 *
 * @param actorIds per driver thread: agent, supervisor and engineer user ids
 */
record Setup(long tenantId, long templateId, long flowId, List<long[]> actorIds) {

    static final String TENANT = "bench";

    static Setup run(Api api, int threads) {
        Api root = api.login("platform", "root", "baton-demo");
        Api.Response tenant = ok(
                root.post(
                        "/api/v1/platform/tenants",
                        Map.of(
                                "code",
                                TENANT,
                                "name",
                                "Benchmark",
                                "admin",
                                Map.of("username", "boss", "displayName", "Boss", "password", EngineBench.PASSWORD))),
                201);
        Api admin = api.login(TENANT, "boss", EngineBench.PASSWORD);
        // The baseline's process sends no messages and has one timer, a 4-hour SLA on `resolve`: notifications are
        // off, and the tenant's starting SLA policy (first response, resolution, reminders, escalations) gives way
        // to one that only follows the nodes' own SLAs, with no reminder or escalation, so `resolve` (sla PT4H)
        // has one timer too.
        int notifyVersion = admin.get("/api/v1/notification-settings")
                .json()
                .path("version")
                .asInt();
        ok(admin.put("/api/v1/notification-settings", Map.of("enabled", false, "version", notifyVersion)), 200);
        for (var policy : admin.get("/api/v1/sla-policies?size=100").json().path("items")) {
            ok(
                    admin.delete("/api/v1/sla-policies/" + policy.path("id").asLong() + "?version="
                            + policy.path("version").asInt()),
                    204);
        }
        Map<String, Object> policy = new HashMap<>();
        policy.put("name", "Node SLAs");
        policy.put("firstResponse", null);
        policy.put("resolution", null);
        policy.put("nodes", Map.of("resolve", "PT4H")); // the flow's own node SLA (the same) is the one that applies
        policy.put("pauseStatuses", List.of());
        policy.put("reminderBefore", "PT0M");
        policy.put("escalations", List.of());
        ok(admin.post("/api/v1/sla-policies", policy), 201);
        Map<String, Long> roles = new HashMap<>();
        admin.get("/api/v1/roles")
                .json()
                .forEach(r -> roles.put(r.path("code").asString(), r.path("id").asLong()));
        long rootDept =
                admin.get("/api/v1/departments").json().get(0).path("id").asLong();
        Map<String, Object> dept = new HashMap<>();
        dept.put("name", "Service");
        dept.put("parentId", rootDept);
        long service = ok(admin.post("/api/v1/departments", dept), 201).id();
        List<long[]> actors = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            actors.add(new long[] {
                user(admin, "agent" + i, service, roles.get("agent")),
                user(admin, "super" + i, service, roles.get("supervisor")),
                user(admin, "eng" + i, service, roles.get("engineer"))
            });
        }
        long template = ok(
                        admin.post(
                                "/api/v1/templates",
                                Map.of(
                                        "name",
                                        "Repair",
                                        "code",
                                        "repair",
                                        "fields",
                                        List.of(Map.of(
                                                "key",
                                                "amount",
                                                "label",
                                                "Amount",
                                                "type",
                                                "money",
                                                "searchable",
                                                true)))),
                        201)
                .id();
        long flow = ok(
                        admin.post(
                                "/api/v1/flows",
                                Map.of("name", "Ticket flow", "templateId", template, "definition", definition())),
                        201)
                .id();
        ok(admin.post("/api/v1/flows/" + flow + "/publish", Map.of("version", 0)), 200);
        return new Setup(tenant.id(), template, flow, actors);
    }

    static Map<String, Object> definition() {
        Map<String, Object> end = Map.of("id", "end", "type", "end", "name", "End");
        Map<String, Object> resolve = node("resolve", "task", "Resolve", role("engineer"), end);
        resolve.put("sla", "PT4H"); // the baseline's non-interrupting timer on `resolve`
        Map<String, Object> approval = new HashMap<>();
        approval.put("id", "approval");
        approval.put("type", "approval");
        approval.put("name", "Supervisor approval");
        approval.put("mode", "any");
        approval.put("approvers", List.of(role("supervisor")));
        Map<String, Object> check = new HashMap<>();
        check.put("id", "amount_check");
        check.put("type", "condition");
        check.put("name", "amount > 5000?");
        check.put(
                "branches",
                List.of(
                        Map.of("name", "needs approval", "when", "fields.amount > 5000", "next", approval),
                        Map.of("name", "skip approval", "default", true)));
        check.put("next", resolve);
        Map<String, Object> triage = node("triage", "task", "Triage", role("agent"), check);
        Map<String, Object> start = new HashMap<>();
        start.put("id", "start");
        start.put("type", "start");
        start.put("name", "Start");
        start.put("next", triage);
        return start;
    }

    private static Map<String, Object> role(String code) {
        return Map.of("strategy", "role", "roleCode", code);
    }

    private static Map<String, Object> node(
            String id, String type, String name, Map<String, Object> assignee, Map<String, Object> next) {
        Map<String, Object> n = new HashMap<>();
        n.put("id", id);
        n.put("type", type);
        n.put("name", name);
        n.put("assignee", assignee);
        n.put("next", next);
        return n;
    }

    private static long user(Api admin, String username, long department, long role) {
        return ok(
                        admin.post(
                                "/api/v1/users",
                                Map.of(
                                        "username",
                                        username,
                                        "displayName",
                                        username,
                                        "password",
                                        EngineBench.PASSWORD,
                                        "departmentIds",
                                        List.of(department),
                                        "roleIds",
                                        List.of(role))),
                        201)
                .id();
    }

    private static Api.Response ok(Api.Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("benchmark setup failed: " + r);
        }
        return r;
    }
}
