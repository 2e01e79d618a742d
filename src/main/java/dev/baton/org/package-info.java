/** Tenants, departments, users, roles, permissions, data scopes and API keys. */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "platform :: db"})
package dev.baton.org;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
