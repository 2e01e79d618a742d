/** Storage, endpoints, import and seeding of business calendars. */
@NullMarked
package dev.baton.sla.internal;

import org.jspecify.annotations.NullMarked;
