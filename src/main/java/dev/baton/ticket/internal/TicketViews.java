package dev.baton.ticket.internal;

import dev.baton.flow.FieldRule;
import dev.baton.flow.FlowGraph;
import dev.baton.flow.FlowState;
import dev.baton.flow.Node;
import dev.baton.template.FieldAccess;
import dev.baton.template.FieldDefinition;
import dev.baton.ticket.TicketAction;
import dev.baton.ticket.TicketView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Builds what a caller sees of a ticket: readable fields only, positions with handlers, allowed actions. */
@Component
class TicketViews {

    private final FlowSteps steps;
    private final Actions actions;
    private final TemplateCache templates;

    TicketViews(FlowSteps steps, Actions actions, TemplateCache templates) {
        this.steps = steps;
        this.actions = actions;
        this.templates = templates;
    }

    TicketView view(TicketAccess.Caller caller, Loaded t, List<FieldDefinition> defs) {
        var row = t.row();
        Set<String> roles = caller.me().roleCodes();
        Map<String, @Nullable Object> fields = FieldAccess.readable(defs, t.fields(), roles);
        FlowGraph graph = row.getFlowId() == null || row.getFlowVersion() == null
                ? null
                : this.steps
                        .runtime(row.getTenantId(), row.getFlowId(), row.getFlowVersion())
                        .stepper()
                        .graph();
        List<TicketView.NodeView> nodes = new ArrayList<>();
        if (graph != null) {
            for (FlowState.Token token : t.state().tokens()) {
                Node node = graph.node(token.nodeId());
                if (node instanceof Node.Task task) {
                    // A node's "hidden" hides a field at that node even from roles that may see it elsewhere.
                    task.fields().forEach((key, rule) -> {
                        if (rule == FieldRule.HIDDEN) {
                            fields.remove(key);
                        }
                    });
                }
                nodes.add(new TicketView.NodeView(
                        token.nodeId(),
                        node.name(),
                        FlowSteps.nodeType(node),
                        token.status().name().toLowerCase(Locale.ROOT),
                        handlers(t, token.nodeId()),
                        rules(node, fields.keySet(), defs, roles)));
            }
        }
        List<String> allowed = Arrays.stream(TicketAction.values())
                .filter(a -> this.actions.allowed(t, caller, a))
                .map(TicketAction::code)
                .toList();
        String label = this.templates
                .header(row.getTenantId(), row.getTemplateId())
                .map(h -> h.statusNames().get(row.getCustomerStatus()))
                .orElse(null);
        return new TicketView(
                row.getId(),
                row.getNumber(),
                row.getTitle(),
                row.getDescription(),
                row.getChatExcerpt(),
                row.getTemplateId(),
                row.getTemplateVersion(),
                row.getFlowId(),
                row.getFlowVersion(),
                row.getSource(),
                row.getPriority(),
                row.getStatus(),
                row.getCustomerStatus(),
                label,
                row.getCustomerId(),
                row.getCreatorId(),
                row.getDepartmentId(),
                row.getParentId(),
                fields,
                nodes,
                allowed,
                row.getCreatedAt(),
                row.getUpdatedAt(),
                row.getClosedAt(),
                row.getVersion());
    }

    private static List<TicketView.Handler> handlers(Loaded t, String nodeId) {
        return t.tasks().stream()
                .filter(r -> r.nodeId().equals(nodeId))
                .map(r -> new TicketView.Handler(r.kind(), r.slot(), r.userId(), r.roleCode(), r.departmentId()))
                .toList();
    }

    /** The node's rule for every field the caller can see; fields it does not name follow the template. */
    private static Map<String, String> rules(
            Node node, Set<String> visible, List<FieldDefinition> defs, Set<String> roles) {
        Map<String, String> rules = new LinkedHashMap<>();
        Map<String, FieldRule> own = node instanceof Node.Task task ? task.fields() : Map.of();
        for (FieldDefinition def : defs) {
            if (!visible.contains(def.key())) {
                continue;
            }
            FieldRule rule = own.get(def.key());
            if (rule == null) {
                // Approvers decide; they do not edit. Elsewhere unnamed fields follow the template.
                boolean editable = node instanceof Node.Task && FieldAccess.canEdit(def, roles);
                rule = editable ? FieldRule.EDITABLE : FieldRule.READONLY;
            }
            rules.put(def.key(), rule.code());
        }
        return rules;
    }
}
