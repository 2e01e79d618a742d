package dev.baton.flow;

import static dev.baton.flow.FlowFixtures.after;
import static dev.baton.flow.FlowFixtures.condition;
import static dev.baton.flow.FlowFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.baton.platform.FieldError;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class FlowDefinitionsTest {

    private static List<FieldError> errors(String json) {
        FlowDefinitions.Result result = parse(json);
        assertThat(result.root()).as("no tree when there are errors").isNull();
        return result.errors();
    }

    private static FieldError error(String path, String code) {
        return new FieldError(path, code);
    }

    @Test
    void theDingTalkExampleParsesIntoTypedNodes() {
        FlowDefinitions.Result result = parse(FlowFixtures.EXAMPLE);

        assertThat(result.errors()).isEmpty();
        assertThat(result.valid()).isTrue();
        Node.Start start = result.root();
        assertThat(start).isNotNull();
        Node.Condition route = (Node.Condition) start.next();
        assertThat(route.branches()).hasSize(2);
        Branch large = route.branches().get(0);
        assertThat(large.when()).isEqualTo("fields.amount > 5000");
        assertThat(large.isDefault()).isFalse();
        assertThat(route.branches().get(1).isDefault()).isTrue();
        assertThat(route.branches().get(1).when()).isNull();

        Node.Approval supervisor = (Node.Approval) large.next();
        assertThat(supervisor.mode()).isEqualTo(ApprovalMode.ANY);
        assertThat(supervisor.approvers())
                .containsExactly(new Assignee.Role("supervisor"), new Assignee.DepartmentLeader(1));
        assertThat(supervisor.onReject()).isEqualTo(new OnReject.Return("start"));

        Node.Parallel fan = (Node.Parallel) supervisor.next();
        Node.Task finance = (Node.Task) fan.branches().get(0).next();
        assertThat(finance.assignee()).isEqualTo(new Assignee.Role("finance"));
        assertThat(finance.fields())
                .containsEntry("amount", FieldRule.READONLY)
                .containsEntry("title", FieldRule.HIDDEN);
        assertThat(finance.sla()).isEqualTo(new Sla("P1DT4H", 1, Duration.ofHours(4)));
        assertThat(finance.notifyChannels()).containsExactly("wecom", "email");
        assertThat(finance.actions()).containsExactlyInAnyOrder(TaskAction.TRANSFER, TaskAction.RETURN);
        Node.Automation tell = (Node.Automation) fan.branches().get(1).next();
        assertThat(tell.action()).isEqualTo(new AutomationAction.Notify("sms", "已受理"));

        Node.Task agent = (Node.Task) route.branches().get(1).next();
        assertThat(agent.assignee()).isEqualTo(new Assignee.Field("owner"));
        assertThat(agent.sla()).isEqualTo(new Sla("PT4H", 0, Duration.ofHours(4)));

        assertThat(route.next()).isEqualTo(new Node.End("done", "", CustomerStatus.AWAITING_CONFIRMATION, null));
    }

    @Test
    void theExampleCompilesIntoAGraphWithConvergence() {
        FlowGraph graph = FlowCompiler.compile(parse(FlowFixtures.EXAMPLE).root());

        assertThat(graph.size()).isEqualTo(8);
        assertThat(graph.startId()).isEqualTo("start");
        assertThat(graph.exit("start")).isEqualTo(new FlowGraph.Exit.Goto("route"));
        assertThat(graph.branchStarts("route")).containsExactly("supervisor", "agent");
        assertThat(graph.branchStarts("fan")).containsExactly("finance", "tell");
        assertThat(graph.exit("supervisor")).isEqualTo(new FlowGraph.Exit.Goto("fan"));
        assertThat(graph.exit("finance")).isEqualTo(new FlowGraph.Exit.BranchEnd("fan"));
        assertThat(graph.exit("fan")).isEqualTo(new FlowGraph.Exit.BranchEnd("route"));
        assertThat(graph.exit("agent")).isEqualTo(new FlowGraph.Exit.BranchEnd("route"));
        assertThat(graph.exit("route")).isEqualTo(new FlowGraph.Exit.Goto("done"));
        assertThat(graph.exit("done")).isEqualTo(new FlowGraph.Exit.FlowEnd());
        assertThat(graph.enclosing("finance")).isEqualTo("fan");
        assertThat(graph.enclosing("fan")).isEqualTo("route");
        assertThat(graph.enclosing("route")).isNull();
        assertThat(graph.convergence("finance")).isEqualTo("done");
        assertThat(graph.convergence("agent")).isEqualTo("done");
        assertThat(graph.convergence("done")).isNull();
    }

    @Test
    void invalidCelIsReportedAtItsBranch() {
        assertThat(errors(condition("fields.amount >")))
                .containsExactly(error("$.next.branches[0].when", "{flow.when.syntax}"));
    }

    @Test
    void unknownFieldInCel() {
        assertThat(errors(condition("fields.amunt > 5000")))
                .containsExactly(error("$.next.branches[0].when", "{flow.when.unknown-field}"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"fields.amount", "fields.title > 5", "fields.amount.x > 1", "other > 1", "fields['amount'] > 1"})
    void celThatIsNotABoolOverDeclaredValues(String when) {
        assertThat(errors(condition(when))).containsExactly(error("$.next.branches[0].when", "{flow.when.type}"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "fields.amount >= 10.5 && fields.stars >= 4",
                "fields.stars > 3.5",
                "fields.title.startsWith('VIP') || 'vip' in fields.tags",
                "fields.due < '2026-06-01'",
                "fields.happened < timestamp('2026-01-01T00:00:00Z')",
                "ticket.priority == 'high' && ticket.source == 'wecom' && ticket.template == 'refund'",
                "ticket.createdAt > timestamp('2026-01-01T00:00:00Z')",
                "customer.level == 'vip' && customer.region == 'sh' && 'key' in customer.tags",
                "fields.owner == 42",
                "fields.tags.exists(t, t == 'urgent')"
            })
    void celOverEveryKindOfVariable(String when) {
        assertThat(parse(condition(when)).errors()).isEmpty();
    }

    @Test
    void costlyCelIsRefused() {
        assertThat(errors(condition("fields.amount > " + "1 + ".repeat(600) + "1")))
                .containsExactly(error("$.next.branches[0].when", "{flow.when.too-long}"));
        assertThat(errors(condition("fields.amount > 1.0 && ".repeat(70) + "true")))
                .containsExactly(error("$.next.branches[0].when", "{flow.when.too-complex}"));
        assertThat(errors(condition("(".repeat(100) + "true" + ")".repeat(100))))
                .containsExactly(error("$.next.branches[0].when", "{flow.when.syntax}"));
        assertThat(errors(condition("fields.tags.all(a, fields.tags.all(b, fields.tags.all(c, a + b + c != '')))")))
                .containsExactly(error("$.next.branches[0].when", "{flow.when.too-complex}"));
        assertThat(errors(condition("fields.title.matches('(a+)+$')")))
                .containsExactly(error("$.next.branches[0].when", "{flow.when.function}"));
    }

    @Test
    void missingDefault() {
        String json = after("""
                {"id": "c", "type": "condition", "branches": [
                  {"name": "a", "when": "fields.amount > 1"}, {"name": "b", "when": "fields.amount <= 1"}]}
                """);
        assertThat(errors(json)).containsExactly(error("$.next.branches", "{flow.condition.no-default}"));
    }

    @Test
    void twoDefaultsAndAMissingWhen() {
        String json = after("""
                {"id": "c", "type": "condition", "branches": [
                  {"name": "a", "default": true}, {"name": "b", "default": true}, {"name": "c"},
                  {"name": "d", "default": true, "when": "true"}]}
                """);
        assertThat(errors(json))
                .containsExactly(
                        error("$.next.branches[1].default", "{flow.condition.default-twice}"),
                        error("$.next.branches[2].when", "{field.required}"),
                        error("$.next.branches[3].default", "{flow.condition.default-twice}"),
                        error("$.next.branches[3].when", "{flow.condition.default-when}"));
    }

    @Test
    void duplicateIds() {
        String json = after("""
                {"id": "t", "type": "task", "name": "a", "assignee": {"strategy": "creator"},
                 "next": {"id": "t", "type": "task", "name": "b", "assignee": {"strategy": "creator"},
                   "next": {"id": "s", "type": "end"}}}
                """);
        assertThat(errors(json))
                .containsExactly(
                        error("$.next.next.id", "{flow.node.id-duplicate}"),
                        error("$.next.next.next.id", "{flow.node.id-duplicate}"));
    }

    @Test
    void unknownNodeTypeAndEveryProblemBeyondIt() {
        String json = after("""
                {"id": "x", "type": "robot", "next": {"id": "t", "type": "task", "name": "a"}}
                """);
        assertThat(errors(json))
                .containsExactlyInAnyOrder(
                        error("$.next.type", "{flow.node.type}"),
                        error("$.next.next.assignee", "{flow.assignee.missing}"));
    }

    @Test
    void approvalWithoutApprovers() {
        assertThat(errors(after("""
                        {"id": "a", "type": "approval", "name": "审批", "mode": "all", "approvers": []}
                        """))).containsExactly(error("$.next.approvers", "{flow.assignee.missing}"));
        assertThat(errors(after("""
                        {"id": "a", "type": "approval", "name": "审批", "mode": "each"}
                        """)))
                .containsExactly(
                        error("$.next.mode", "{flow.not-option}"),
                        error("$.next.approvers", "{flow.assignee.missing}"));
    }

    @Test
    void fieldRulesAndFieldAssigneesMustNameTemplateFields() {
        String json = after("""
                {"id": "t", "type": "task", "name": "处理", "assignee": {"strategy": "field", "fieldKey": "title"},
                 "fields": {"nope": "editable", "amount": "writable"},
                 "next": {"id": "u", "type": "task", "name": "复核", "assignee": {"strategy": "field", "fieldKey": "boss"}}}
                """);
        assertThat(errors(json))
                .containsExactlyInAnyOrder(
                        error("$.next.next.assignee.fieldKey", "{field.not-in-template}"),
                        error("$.next.assignee.fieldKey", "{flow.assignee.field-not-user}"),
                        error("$.next.fields.nope", "{field.not-in-template}"),
                        error("$.next.fields.amount", "{flow.not-option}"));
    }

    @Test
    void everyAssigneeStrategy() {
        String json = after("""
                {"id": "a", "type": "approval", "name": "审批", "mode": "serial", "approvers": [
                  {"strategy": "user", "userId": 7}, {"strategy": "role", "roleCode": "agent"},
                  {"strategy": "department", "departmentId": 3}, {"strategy": "department_leader", "level": 2},
                  {"strategy": "creator"}, {"strategy": "field", "fieldKey": "owner"}, {"strategy": "rules"}]}
                """);
        Node.Approval approval = (Node.Approval) parse(json).root().next();
        assertThat(approval.approvers())
                .containsExactly(
                        new Assignee.User(7),
                        new Assignee.Role("agent"),
                        new Assignee.Department(3),
                        new Assignee.DepartmentLeader(2),
                        new Assignee.Creator(),
                        new Assignee.Field("owner"),
                        new Assignee.Rules());
        assertThat(approval.onReject()).isEqualTo(new OnReject.End());
    }

    @Test
    void badAssignees() {
        String json = after("""
                {"id": "a", "type": "approval", "name": "审批", "mode": "serial", "approvers": [
                  {"strategy": "user", "userId": "7"}, {"strategy": "role"}, {"strategy": "boss"},
                  {"strategy": "department_leader", "level": 0}, {}, "creator"]}
                """);
        assertThat(errors(json))
                .containsExactly(
                        error("$.next.approvers[0].userId", "{field.not-id}"),
                        error("$.next.approvers[1].roleCode", "{field.required}"),
                        error("$.next.approvers[2].strategy", "{flow.not-option}"),
                        error("$.next.approvers[3].level", "{flow.leader-level}"),
                        error("$.next.approvers[4].strategy", "{field.required}"),
                        error("$.next.approvers[5]", "{flow.not-object}"));
    }

    @Test
    void rejectReturnsOnlyToAnEarlierNodeOnEveryPath() {
        String template = after("""
                {"id": "t1", "type": "task", "name": "受理", "assignee": {"strategy": "creator"},
                 "next": {"id": "c", "type": "condition", "branches": [
                   {"name": "a", "when": "true", "next": {"id": "t2", "type": "task", "name": "x", "assignee": {"strategy": "rules"}}},
                   {"name": "b", "default": true, "next": {"id": "p", "type": "parallel", "branches": [
                     {"name": "p1", "next": {"id": "a1", "type": "approval", "name": "y", "mode": "any",
                       "approvers": [{"strategy": "creator"}], "onReject": {"action": "return", "targetNodeId": "%s"}}},
                     {"name": "p2"}]}}],
                  "next": {"id": "a2", "type": "approval", "name": "z", "mode": "any",
                    "approvers": [{"strategy": "creator"}], "onReject": {"action": "return", "targetNodeId": "%s"}}}}
                """);
        assertThat(parse(template.formatted("a1", "t1")).errors())
                .containsExactly(error(
                        "$.next.next.branches[1].next.branches[0].next.onReject.targetNodeId", "{flow.reject.target}"));
        assertThat(parse(template.formatted("t1", "t2")).errors())
                .as("t1 lies outside the parallel branch; t2 is not on every path to a2")
                .containsExactly(
                        error("$.next.next.next.onReject.targetNodeId", "{flow.reject.target}"),
                        error(
                                "$.next.next.branches[1].next.branches[0].next.onReject.targetNodeId",
                                "{flow.reject.target}"));
        assertThat(parse(template.formatted("nowhere", "c")).errors()).hasSize(2);
        assertThat(parse(template.formatted("", "s")).errors())
                .containsExactly(error(
                        "$.next.next.branches[1].next.branches[0].next.onReject.targetNodeId", "{field.required}"));
    }

    @Test
    void automations() {
        String json = after("""
                {"id": "a1", "type": "automation", "name": "1", "action": "set_field", "fieldKey": "amount", "value": 12.5,
                 "next": {"id": "a2", "type": "automation", "name": "2", "action": "set_priority", "priority": "urgent",
                 "next": {"id": "a3", "type": "automation", "name": "3", "action": "webhook", "url": "https://hooks.example.com/x",
                 "next": {"id": "a4", "type": "automation", "name": "4", "action": "create_child", "templateCode": "refund",
                 "next": {"id": "a5", "type": "automation", "name": "5", "action": "notify", "channel": "wecom", "message": "hi"}}}}}
                """);
        FlowDefinitions.Result result = parse(json);
        assertThat(result.errors()).isEmpty();
        FlowGraph graph = FlowCompiler.compile(result.root());
        assertThat(((Node.Automation) graph.node("a1")).action())
                .isEqualTo(new AutomationAction.SetField("amount", FlowFixtures.json("12.5")));
        assertThat(((Node.Automation) graph.node("a2")).action())
                .isEqualTo(new AutomationAction.SetPriority(Priority.URGENT));
        assertThat(((Node.Automation) graph.node("a3")).action())
                .isEqualTo(new AutomationAction.Webhook(URI.create("https://hooks.example.com/x")));
        assertThat(((Node.Automation) graph.node("a4")).action()).isEqualTo(new AutomationAction.CreateChild("refund"));
        assertThat(((Node.Automation) graph.node("a5")).action()).isEqualTo(new AutomationAction.Notify("wecom", "hi"));
    }

    @Test
    void badAutomations() {
        String json = after("""
                {"id": "a1", "type": "automation", "name": "1", "action": "webhook", "url": "http://internal/x",
                 "next": {"id": "a2", "type": "automation", "name": "2", "action": "set_field", "fieldKey": "nope",
                 "next": {"id": "a3", "type": "automation", "name": "3", "action": "delete_ticket",
                 "next": {"id": "a4", "type": "automation", "name": "4", "action": "set_priority", "priority": "HIGH"}}}}
                """);
        assertThat(errors(json))
                .containsExactlyInAnyOrder(
                        error("$.next.url", "{flow.webhook.https}"),
                        error("$.next.next.fieldKey", "{field.not-in-template}"),
                        error("$.next.next.value", "{field.required}"),
                        error("$.next.next.next.action", "{flow.not-option}"),
                        error("$.next.next.next.next.priority", "{flow.not-option}"));
    }

    @Test
    void structuralMistakes() {
        assertThat(errors("""
                        {"id": "t", "type": "task", "name": "x", "assignee": {"strategy": "creator"}}
                        """)).containsExactly(error("$.type", "{flow.node.start-root}"));
        assertThat(errors(after("""
                        {"id": "s2", "type": "start", "next": {"id": "e", "type": "end", "customerStatus": "closed",
                          "next": {"id": "e2", "type": "end"}}}
                        """)))
                .containsExactly(
                        error("$.next.type", "{flow.node.start-nested}"),
                        error("$.next.next.next", "{flow.end.next}"),
                        error("$.next.next.customerStatus", "{flow.not-option}"));
        assertThat(errors(after("""
                        {"id": 5, "type": ["task"], "next": "end"}
                        """)))
                .containsExactly(
                        error("$.next.id", "{flow.node.id}"),
                        error("$.next.type", "{flow.node.type}"),
                        error("$.next.next", "{flow.node.not-object}"));
        assertThat(errors(after("""
                        {"id": "p", "type": "parallel", "branches": [{"name": "a", "when": "true"}, {"name": "b", "default": true}]}
                        """)))
                .containsExactly(
                        error("$.next.branches[0].when", "{flow.parallel.when}"),
                        error("$.next.branches[1].default", "{flow.parallel.when}"));
        assertThat(errors(after("""
                        {"id": "p", "type": "parallel", "branches": {"a": 1}}
                        """))).containsExactly(error("$.next.branches", "{flow.not-list}"));
        assertThat(errors(after("""
                        {"id": "t", "type": "task", "name": "x", "assignee": {"strategy": "creator"},
                         "sla": "P1M", "notify": ["WeCom"], "actions": ["delete"]}
                        """)))
                .containsExactly(
                        error("$.next.sla", "{flow.sla}"),
                        error("$.next.notify[0]", "{flow.code}"),
                        error("$.next.actions[0]", "{flow.not-option}"));
        assertThat(FlowDefinitions.parse(null, FlowFixtures.FIELDS).errors())
                .containsExactly(error("$", "{field.required}"));
        assertThat(errors("[]")).containsExactly(error("$", "{flow.node.not-object}"));
    }

    @Test
    void deepNestingIsOneErrorNotAStackOverflow() {
        StringBuilder json = new StringBuilder("{\"id\": \"n0\", \"type\": \"start\"");
        for (int i = 1; i < 100; i++) {
            json.append(", \"next\": {\"id\": \"n")
                    .append(i)
                    .append("\", \"type\": \"automation\", \"name\": \"x\",")
                    .append(" \"action\": \"set_priority\", \"priority\": \"low\"");
        }
        json.append("}".repeat(100));
        List<FieldError> errors = errors(json.toString());
        assertThat(errors).containsExactly(error("$" + ".next".repeat(64), "{flow.too-deep}"));

        StringBuilder ok = new StringBuilder("{\"id\": \"n0\", \"type\": \"start\"");
        for (int i = 1; i < 64; i++) {
            ok.append(", \"next\": {\"id\": \"n")
                    .append(i)
                    .append("\", \"type\": \"end\"".replace("end", i == 63 ? "end" : "automation"));
            if (i < 63) {
                ok.append(", \"name\": \"x\", \"action\": \"set_priority\", \"priority\": \"low\"");
            }
        }
        ok.append("}".repeat(64));
        assertThat(parse(ok.toString()).errors()).as("64 levels are allowed").isEmpty();
    }

    @Test
    void aMegabyteOfNodesIsRefusedQuickly() {
        // parallels of 20 branches, three deep: 8,421 nodes in over 1 MB of JSON
        String leaf = "{\"id\": \"%s\", \"type\": \"task\", \"name\": \"" + "x".repeat(100)
                + "\", \"assignee\": {\"strategy\": \"creator\"}}";
        String text = after(wide(leaf, "r", 3));
        assertThat(text.length()).isGreaterThan(1_000_000);
        JsonNode json = FlowFixtures.json(text);

        long started = System.nanoTime();
        FlowDefinitions.Result result = FlowDefinitions.parse(json, FlowFixtures.FIELDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(result.root()).isNull();
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0).message()).isEqualTo("{flow.too-many-nodes}");
    }

    @Test
    void aMegabyteOfConditionsIsCheckedQuickly() {
        // 50 conditions of 20 branches with long expressions, and a start node with a long name
        String next = "null";
        String when = FlowFixtures.JSON.writeValueAsString(
                "fields.amount > 1.0 && " + "fields.title != 'abcdefghijklmnopqrstuvwxyz' && ".repeat(30) + "true");
        for (int c = 0; c < 50; c++) {
            StringBuilder branches = new StringBuilder();
            for (int b = 0; b < 19; b++) {
                branches.append("{\"name\": \"b\", \"when\": ")
                        .append(when.replace("1.0", c + "." + b))
                        .append("},");
            }
            branches.append("{\"name\": \"d\", \"default\": true}");
            next = "{\"id\": \"c" + c + "\", \"type\": \"condition\", \"branches\": [" + branches + "], \"next\": "
                    + next + "}";
        }
        String text = "{\"id\": \"s\", \"type\": \"start\", \"name\": \"" + "x".repeat(200_000) + "\", \"next\": "
                + next + "}";
        assertThat(text.length()).isGreaterThan(1_000_000);
        JsonNode json = FlowFixtures.json(text);

        long started = System.nanoTime();
        FlowDefinitions.Result result = FlowDefinitions.parse(json, FlowFixtures.FIELDS);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(result.errors())
                .extracting(FieldError::message)
                .containsExactly("{field.too-long}", "{flow.when.too-many}");
        assertThat(result.errors().get(0).field()).isEqualTo("$.name");
    }

    @Test
    void errorsAreCapped() {
        StringBuilder branches = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            branches.append(i == 0 ? "" : ",")
                    .append("{\"name\": \"b\", \"when\": \"x\", \"next\": ")
                    .append(wide("{\"id\": \"%s\", \"type\": \"robot\", \"name\": 1}", "n" + i, 1))
                    .append("}");
        }
        String json = after("{\"id\": \"c\", \"type\": \"condition\", \"branches\": [" + branches + "]}");
        List<FieldError> errors = errors(json);
        assertThat(errors).hasSize(101).last().isEqualTo(error("$", "{flow.too-many-errors}"));
    }

    @Test
    void hostileJsonNeverThrows() {
        for (String json : List.of(
                "1",
                "\"start\"",
                "null",
                "{}",
                "{\"next\": {\"next\": []}}",
                "{\"id\": \"s\", \"type\": \"start\", \"next\": {\"type\": \"condition\", \"branches\": [null, 1, []]}}")) {
            assertThatNoException()
                    .isThrownBy(() -> assertThat(parse(json).errors()).isNotEmpty());
        }
    }

    /** A parallel node with 20 branches, each of which is {@code leaf} (depth 0) or another such parallel. */
    private static String wide(String leaf, String id, int depth) {
        if (depth == 0) {
            return leaf.formatted(id);
        }
        StringBuilder branches = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            branches.append(i == 0 ? "" : ",")
                    .append("{\"name\": \"b\", \"next\": ")
                    .append(wide(leaf, id + "_" + i, depth - 1))
                    .append("}");
        }
        return "{\"id\": \"" + id + "\", \"type\": \"parallel\", \"branches\": [" + branches + "]}";
    }
}
