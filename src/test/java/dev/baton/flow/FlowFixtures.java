package dev.baton.flow;

import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldType;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

final class FlowFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.builder("amount", "金额", FieldType.MONEY).build(),
            FieldDefinition.builder("title", "标题", FieldType.TEXT).build(),
            FieldDefinition.builder("owner", "负责人", FieldType.USER).build(),
            FieldDefinition.builder("due", "截止日期", FieldType.DATE).build(),
            FieldDefinition.builder("happened", "发生时间", FieldType.DATETIME).build(),
            FieldDefinition.builder("tags", "标签", FieldType.MULTI_SELECT).build(),
            FieldDefinition.builder("stars", "评分", FieldType.RATING).build());

    /** A DingTalk-style flow: large amounts go to a supervisor and then finance and a notice in parallel. */
    static final String EXAMPLE = """
            {"id": "start", "type": "start", "name": "提交",
             "next": {"id": "route", "type": "condition", "name": "金额",
               "branches": [
                 {"name": "大额", "when": "fields.amount > 5000",
                  "next": {"id": "supervisor", "type": "approval", "name": "主管审批", "mode": "any",
                    "approvers": [{"strategy": "role", "roleCode": "supervisor"},
                                  {"strategy": "department_leader", "level": 1}],
                    "onReject": {"action": "return", "targetNodeId": "start"},
                    "next": {"id": "fan", "type": "parallel", "name": "并行",
                      "branches": [
                        {"name": "财务", "next": {"id": "finance", "type": "task", "name": "财务处理",
                          "assignee": {"strategy": "role", "roleCode": "finance"},
                          "fields": {"amount": "readonly", "title": "hidden"}, "sla": "P1DT4H",
                          "notify": ["wecom", "email"], "actions": ["transfer", "return"]}},
                        {"name": "通知", "next": {"id": "tell", "type": "automation", "name": "通知客户",
                          "action": "notify", "channel": "sms", "message": "已受理"}}
                      ]}}},
                 {"name": "其他", "default": true,
                  "next": {"id": "agent", "type": "task", "name": "客服处理",
                    "assignee": {"strategy": "field", "fieldKey": "owner"}, "sla": "PT4H",
                    "fields": {"title": "required"}, "actions": ["add_handler"]}}
               ],
               "next": {"id": "done", "type": "end", "customerStatus": "awaiting_confirmation"}}}
            """;

    private FlowFixtures() {}

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    static FlowDefinitions.Result parse(String text) {
        return FlowDefinitions.parse(json(text), FIELDS);
    }

    /** A start node followed by {@code next} (a JSON object). */
    static String after(String next) {
        return "{\"id\": \"s\", \"type\": \"start\", \"next\": " + next + "}";
    }

    /** A condition whose first branch has {@code when} and whose second is the default. */
    static String condition(String when) {
        return after("""
                {"id": "c", "type": "condition", "branches": [
                  {"name": "a", "when": %s},
                  {"name": "b", "default": true}]}
                """.formatted(JSON.writeValueAsString(when)));
    }
}
