/** The portal module's own implementation: link tokens, the staff and public endpoints, the per-address limit. */
@NullMarked
package dev.baton.portal.internal;

import org.jspecify.annotations.NullMarked;
