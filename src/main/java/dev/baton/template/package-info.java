/**
 * Ticket templates: field definitions and the server-side validation of submitted field values. Plain
 * Java with no Spring beans or storage, so every rule can be tested without a context.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "platform :: db", "attachment"})
package dev.baton.template;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
