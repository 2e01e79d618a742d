/**
 * Notifications that always arrive: the {@link dev.baton.platform.Notifier} behind the SLA module's reminders
 * and escalations and the listener of ticket events turn into outbox rows (one per recipient and channel, in the
 * transaction of the change) after each user's preferences and quiet hours; a worker sends them over WeCom,
 * e-mail, SMS, the tenant's webhook and the in-app inbox with retries, backoff and a dead-letter state.
 * Templates per event and channel are Mustache ({@code {{ticket.number}}}).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "platform :: db", "org", "ticket", "flow", "wecom"})
package dev.baton.notify;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
