/**
 * Tickets: the aggregate a flow runs on. Creating and acting on tickets ({@link dev.baton.ticket.TicketOperations}),
 * the append-only event log, searches under the caller's data scope, the customer-visible progress, and
 * the domain events ({@link dev.baton.ticket.TicketEvent}) other modules listen to, delivered through a
 * transactional outbox: the event log itself, read by one cursor.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "platform :: db", "template", "flow", "customer"})
package dev.baton.ticket;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
