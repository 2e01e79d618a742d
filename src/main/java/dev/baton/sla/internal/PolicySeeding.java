package dev.baton.sla.internal;

import dev.baton.platform.TenantCreated;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every new tenant its 默认时效 policy, matching every ticket: first response within 4 business hours,
 * resolution within 3 business days, clocks stopped while suspended, a reminder 30 minutes before the deadline,
 * then L1 to the assignee's leader at the breach, L2 two hours later to the leader above, L3 four hours later to the
 * supervisors. Tenants that existed before got the same policy from migration V11.
 */
@Component
class PolicySeeding {

    static final String NAME = "默认时效";

    static final PolicyDefinition DEFAULT = new PolicyDefinition(
            new PolicyDefinition.Match(List.of(), List.of(), List.of(), List.of()),
            "PT4H",
            "P3D",
            Map.of(),
            List.of("suspended"),
            PolicyDefinition.DEFAULT_REMINDER,
            List.of(
                    new PolicyDefinition.Escalation(1, "PT0S", "assignee_leader", 1, null, List.of("wecom", "in_app")),
                    new PolicyDefinition.Escalation(
                            2, "PT2H", "assignee_leader", 2, null, List.of("wecom", "in_app", "email")),
                    new PolicyDefinition.Escalation(3, "PT4H", "role", null, "supervisor", List.of("wecom", "sms"))));

    private final PolicyRepository policies;
    private final Clock clock;

    PolicySeeding(PolicyRepository policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    @EventListener
    void seed(TenantCreated event) {
        this.policies.insert(event.tenantId(), NAME, 0, true, null, DEFAULT, this.clock.instant());
    }
}
