package dev.baton.platform;

/**
 * Published (synchronously, inside the creating transaction) when demo mode creates the demo tenant,
 * so each module can add its own demo data.
 *
 * @param adminUserId the demo administrator, the author of seeded data
 */
public record DemoTenantCreated(long tenantId, long adminUserId) {}
