/**
 * Assignment (派单): ordered routing rules with strategies (round-robin with a database cursor, least-loaded,
 * skill match, nearest region, random, manual) and fallbacks, keyword classification, the pool (工单池) with
 * atomic grabs and limits, manual dispatch, and the explain endpoint. Implements the ticket module's
 * {@link dev.baton.ticket.TicketRouting} and the flow sandbox's {@link dev.baton.flow.RulesPreview}; agents' skills, regions and availability live in its own profiles.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"platform", "platform :: db", "ticket", "flow", "org"})
package dev.baton.assignment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
