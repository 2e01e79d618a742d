package dev.baton.flow.internal;

import dev.baton.flow.Assignee;
import dev.baton.flow.AssigneeStrategy;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldType;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads one assignee (a task's or an approver) by its strategy. */
final class AssigneeReader {

    private final ParseContext ctx;

    AssigneeReader(ParseContext ctx) {
        this.ctx = ctx;
    }

    @Nullable
    Assignee read(JsonNode json, String path) {
        if (!json.isObject()) {
            this.ctx.error(path, "{flow.not-object}");
            return null;
        }
        JsonNode s = json.get("strategy");
        if (s == null || s.isNull()) {
            this.ctx.error(path + ".strategy", "{field.required}");
            return null;
        }
        Optional<AssigneeStrategy> strategy = this.ctx.enumCode(s, path + ".strategy", AssigneeStrategy::ofCode);
        if (strategy.isEmpty()) {
            return null;
        }
        return switch (strategy.get()) {
            case USER -> {
                long userId = this.ctx.id(json, "userId", path);
                yield userId > 0 ? new Assignee.User(userId) : null;
            }
            case ROLE -> {
                String role = this.ctx.string(json, "roleCode", path, 64, true);
                if (!role.isEmpty() && !ParseContext.ROLE_CODE.matcher(role).matches()) {
                    this.ctx.error(path + ".roleCode", "{flow.code}");
                }
                yield role.isEmpty() ? null : new Assignee.Role(role);
            }
            case DEPARTMENT -> {
                long departmentId = this.ctx.id(json, "departmentId", path);
                yield departmentId > 0 ? new Assignee.Department(departmentId) : null;
            }
            case DEPARTMENT_LEADER -> leader(json, path);
            case CREATOR -> new Assignee.Creator();
            case FIELD -> field(json, path);
            case RULES -> new Assignee.Rules();
        };
    }

    private @Nullable Assignee leader(JsonNode json, String path) {
        JsonNode level = json.get("level");
        if (level == null || level.isNull()) {
            return new Assignee.DepartmentLeader(1);
        }
        if (!level.isIntegralNumber() || !level.canConvertToInt() || level.intValue() < 1 || level.intValue() > 20) {
            this.ctx.error(path + ".level", "{flow.leader-level}");
            return null;
        }
        return new Assignee.DepartmentLeader(level.intValue());
    }

    private @Nullable Assignee field(JsonNode json, String path) {
        String key = this.ctx.string(json, "fieldKey", path, 64, true);
        if (key.isEmpty()) {
            return null;
        }
        FieldDefinition field = this.ctx.field(key);
        if (field == null) {
            this.ctx.error(path + ".fieldKey", "{field.not-in-template}");
        } else if (field.type() != FieldType.USER) {
            this.ctx.error(path + ".fieldKey", "{flow.assignee.field-not-user}");
        }
        return new Assignee.Field(key);
    }
}
