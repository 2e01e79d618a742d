package dev.baton.flow.internal;

import dev.baton.flow.Assignee;
import java.util.LinkedHashMap;
import java.util.Map;

/** An assignee as the definition writes it: {@code {"strategy": "role", "roleCode": "agent"}}. */
final class AssigneeJson {

    private AssigneeJson() {}

    static Map<String, Object> of(Assignee assignee) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("strategy", assignee.strategy().code());
        switch (assignee) {
            case Assignee.User u -> json.put("userId", u.userId());
            case Assignee.Role r -> json.put("roleCode", r.roleCode());
            case Assignee.Department d -> json.put("departmentId", d.departmentId());
            case Assignee.DepartmentLeader l -> json.put("level", l.level());
            case Assignee.Field f -> json.put("fieldKey", f.fieldKey());
            case Assignee.Creator c -> {}
            case Assignee.Rules r -> {}
        }
        return json;
    }
}
