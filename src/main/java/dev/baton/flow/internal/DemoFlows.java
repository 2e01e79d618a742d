package dev.baton.flow.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.DemoTenantCreated;
import dev.baton.template.TemplateCatalog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo tenant's flows, published, one per demo template: an agent takes the ticket, big repairs and
 * urgent complaints go to a supervisor, an engineer does the work, the customer confirms.
 */
@Component
class DemoFlows {

    private static final String AGENT = "{\"strategy\": \"role\", \"roleCode\": \"agent\"}";
    private static final String SUPERVISOR = "{\"strategy\": \"role\", \"roleCode\": \"supervisor\"}";
    private static final String ENGINEER = "{\"strategy\": \"role\", \"roleCode\": \"engineer\"}";

    private final Flows flows;
    private final TemplateCatalog templates;
    private final JsonMapper json;

    DemoFlows(Flows flows, TemplateCatalog templates, JsonMapper json) {
        this.flows = flows;
        this.templates = templates;
        this.json = json;
    }

    @EventListener
    @Order(2)
    void seed(DemoTenantCreated event) {
        CurrentUser admin = new CurrentUser(
                event.tenantId(), "demo", event.adminUserId(), "admin", Set.of(), Set.of(), Set.of(), null);
        // Designing a flow is audited under the acting user; the seed acts as the demo administrator.
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(admin, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            publish(admin, "install", "安装流程", flow("install_visit", "上门安装", ENGINEER, "false"));
            publish(admin, "repair", "维修流程", flow("repair_visit", "上门维修", ENGINEER, "fields.amount > 5000"));
            publish(admin, "complaint", "投诉处理流程", flow("resolve", "投诉处理", AGENT, "ticket.priority == 'urgent'"));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void publish(CurrentUser admin, String templateCode, String name, String definition) {
        long templateId = this.templates
                .idOf(admin.tenantId(), templateCode)
                .orElseThrow(() -> new IllegalStateException("demo template " + templateCode + " is missing"));
        FlowView draft =
                this.flows.create(admin, new FlowCommand.Create(name, templateId, this.json.readTree(definition)));
        this.flows.publish(admin, draft.id(), draft.version(), Map.of());
    }

    /** start → 受理 (agent, 2 business hours) → condition (when → 主管审批) → work (assignee, 1 business day) → end awaiting confirmation. */
    private static String flow(String workId, String workName, String worker, String when) {
        return """
                {"id": "start", "type": "start", "name": "提交", "next": {
                  "id": "accept", "type": "task", "name": "受理", "assignee": %s, "sla": "PT2H",
                  "actions": ["transfer", "return", "add_handler"],
                  "next": {
                    "id": "check", "type": "condition", "name": "是否需审批",
                    "branches": [
                      {"name": "需主管审批", "when": "%s", "next": {
                        "id": "approve", "type": "approval", "name": "主管审批", "mode": "any",
                        "approvers": [%s], "onReject": {"action": "return", "targetNodeId": "accept"}}},
                      {"name": "其他", "default": true}
                    ],
                    "next": {
                      "id": "%s", "type": "task", "name": "%s", "assignee": %s, "sla": "P1D",
                      "actions": ["transfer", "add_handler"],
                      "next": {"id": "done", "type": "end", "name": "完成", "customerStatus": "awaiting_confirmation"}
                    }
                  }
                }}
                """.formatted(AGENT, when, SUPERVISOR, workId, workName, worker);
    }
}
