/** The ticket module's own implementation; other modules use the types in {@code dev.baton.ticket}. */
@NullMarked
package dev.baton.ticket.internal;

import org.jspecify.annotations.NullMarked;
