package dev.baton.sla.internal;

/** A tenant's SLA policies or calendars changed: its open tickets are recomputed once the change commits. */
record SlaChanged(long tenantId) {}
