package dev.baton.customer;

import java.util.List;

/**
 * The demo tenant's customers exist (published synchronously inside the demo tenant's creating transaction), so the
 * ticket module can open sample tickets for them.
 *
 * @param customerIds in the order they were made: a VIP first, then standard and basic customers
 */
public record DemoCustomersSeeded(long tenantId, long adminUserId, List<Long> customerIds) {
    public DemoCustomersSeeded {
        customerIds = List.copyOf(customerIds);
    }
}
