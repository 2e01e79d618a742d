package dev.baton.platform;

/**
 * Append-only record of administrative changes: who (the current user), when (the clock), what,
 * and the request id that ties it to the logs. Written in the caller's transaction.
 */
public interface AuditTrail {

    void record(String action, String entityType, Object entityId, String detail);

    /** What Baton did on its own (a timer), for one tenant, with no user as the actor. */
    void recordBySystem(long tenantId, String action, String entityType, Object entityId, String detail);
}
