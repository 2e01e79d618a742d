package dev.baton.org.internal;

import java.time.Instant;

record Tenant(long id, String code, String name, boolean active, Instant createdAt) {}
