/** Platform internals: configuration, security filters, error rendering, auditing. */
@NullMarked
package dev.baton.platform.internal;

import org.jspecify.annotations.NullMarked;
