package dev.baton.flow.internal;

import dev.baton.flow.Assignee;
import dev.baton.flow.FieldRule;
import dev.baton.flow.Node;
import dev.baton.flow.NotifySettings;
import dev.baton.flow.Sla;
import dev.baton.flow.TaskAction;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads a task node: assignee, field rules, SLA, notifications and allowed actions. */
final class TaskReader {

    private final ParseContext ctx;
    private final AssigneeReader assignees;
    private final NotifyReader notify;

    TaskReader(ParseContext ctx, AssigneeReader assignees, NotifyReader notify) {
        this.ctx = ctx;
        this.assignees = assignees;
        this.notify = notify;
    }

    Node read(JsonNode json, String path, String id, String name, @Nullable Node next) {
        this.ctx.requireName(name, path);
        Assignee assignee = null;
        JsonNode a = json.get("assignee");
        if (a == null || a.isNull()) {
            this.ctx.error(path + ".assignee", "{flow.assignee.missing}");
        } else {
            assignee = this.assignees.read(a, path + ".assignee");
        }
        Map<String, FieldRule> rules = fieldRules(json.get("fields"), path + ".fields");
        Sla sla = sla(json.get("sla"), path + ".sla");
        NotifySettings notify = this.notify.read(json.get("notify"), path + ".notify");
        Set<TaskAction> actions = EnumSet.noneOf(TaskAction.class);
        this.ctx.list(json.get("actions"), path + ".actions", (item, at) -> {
            this.ctx.enumCode(item, at, TaskAction::ofCode).ifPresent(actions::add);
        });
        return new Node.Task(
                id, name, assignee == null ? new Assignee.Creator() : assignee, rules, sla, notify, actions, next);
    }

    private Map<String, FieldRule> fieldRules(@Nullable JsonNode json, String path) {
        Map<String, FieldRule> rules = new LinkedHashMap<>();
        if (json == null || json.isNull()) {
            return rules;
        }
        if (!json.isObject()) {
            this.ctx.error(path, "{flow.not-object}");
            return rules;
        }
        if (json.size() > Math.max(this.ctx.fieldCount(), ParseContext.MAX_LIST)) {
            this.ctx.error(path, "{flow.too-many}");
            return rules;
        }
        for (Map.Entry<String, JsonNode> entry : json.properties()) {
            String at = path + "." + entry.getKey();
            if (this.ctx.field(entry.getKey()) == null) {
                this.ctx.error(at, "{field.not-in-template}");
            }
            this.ctx
                    .enumCode(entry.getValue(), at, FieldRule::ofCode)
                    .ifPresent(rule -> rules.put(entry.getKey(), rule));
        }
        return rules;
    }

    private @Nullable Sla sla(@Nullable JsonNode json, String path) {
        if (json == null || json.isNull()) {
            return null;
        }
        if (!json.isString() || json.stringValue().length() > 32) {
            this.ctx.error(path, "{flow.sla}");
            return null;
        }
        String iso = json.stringValue();
        try {
            Duration duration = Duration.parse(iso);
            if (duration.isNegative() || duration.isZero() || duration.toDays() > 3_650) {
                this.ctx.error(path, "{flow.sla}");
                return null;
            }
            int days = (int) duration.toDays();
            return new Sla(iso, days, duration.minusDays(days));
        } catch (DateTimeParseException e) {
            this.ctx.error(path, "{flow.sla}");
            return null;
        }
    }
}
