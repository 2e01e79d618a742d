package dev.baton.platform;

/**
 * Published (synchronously, inside the creating transaction) when a tenant has been provisioned, so each
 * module can give it its starting data (the sla module: a default business calendar).
 */
public record TenantCreated(long tenantId, String code) {}
