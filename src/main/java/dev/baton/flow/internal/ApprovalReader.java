package dev.baton.flow.internal;

import dev.baton.flow.ApprovalMode;
import dev.baton.flow.Assignee;
import dev.baton.flow.Node;
import dev.baton.flow.NodeType;
import dev.baton.flow.NotifySettings;
import dev.baton.flow.OnReject;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads an approval node: mode, approvers and where a rejection goes. */
final class ApprovalReader {

    private final ParseContext ctx;
    private final AssigneeReader assignees;
    private final NotifyReader notify;

    ApprovalReader(ParseContext ctx, AssigneeReader assignees, NotifyReader notify) {
        this.ctx = ctx;
        this.assignees = assignees;
        this.notify = notify;
    }

    Node read(JsonNode json, String path, String id, String name, @Nullable Scope earlier, @Nullable Node next) {
        this.ctx.requireName(name, path);
        ApprovalMode mode = ApprovalMode.SERIAL;
        JsonNode m = json.get("mode");
        if (m == null || m.isNull()) {
            this.ctx.error(path + ".mode", "{field.required}");
        } else {
            mode = this.ctx.enumCode(m, path + ".mode", ApprovalMode::ofCode).orElse(mode);
        }
        List<Assignee> approvers = new ArrayList<>();
        JsonNode a = json.get("approvers");
        if (a == null || a.isNull() || (a.isArray() && a.isEmpty())) {
            this.ctx.error(path + ".approvers", "{flow.assignee.missing}");
        } else {
            this.ctx.list(a, path + ".approvers", (item, at) -> {
                Assignee assignee = this.assignees.read(item, at);
                if (assignee != null) {
                    approvers.add(assignee);
                }
            });
        }
        OnReject onReject = onReject(json.get("onReject"), path + ".onReject", earlier);
        NotifySettings notify = this.notify.read(json.get("notify"), path + ".notify");
        return new Node.Approval(id, name, mode, approvers, onReject, notify, next);
    }

    private OnReject onReject(@Nullable JsonNode json, String path, @Nullable Scope earlier) {
        if (json == null || json.isNull()) {
            return new OnReject.End();
        }
        if (!json.isObject()) {
            this.ctx.error(path, "{flow.not-object}");
            return new OnReject.End();
        }
        String action = this.ctx.string(json, "action", path, 32, true);
        switch (action) {
            case "end" -> {
                return new OnReject.End();
            }
            case "return" -> {
                String target = this.ctx.string(json, "targetNodeId", path, 64, true);
                if (!target.isEmpty() && !returnable(target, earlier)) {
                    this.ctx.error(path + ".targetNodeId", "{flow.reject.target}");
                }
                return new OnReject.Return(target);
            }
            case "" -> {
                return new OnReject.End();
            }
            default -> {
                this.ctx.error(path + ".action", "{flow.not-option}");
                return new OnReject.End();
            }
        }
    }

    private static boolean returnable(String target, @Nullable Scope earlier) {
        for (Scope s = earlier; s != null; s = s.parent()) {
            if (s.id().equals(target)) {
                return s.type() == NodeType.START || s.type() == NodeType.TASK || s.type() == NodeType.APPROVAL;
            }
        }
        return false;
    }
}
