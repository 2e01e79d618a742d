/** Parsing and checking of flow definitions; callers use {@link dev.baton.flow.FlowDefinitions}. */
@NullMarked
package dev.baton.flow.internal;

import org.jspecify.annotations.NullMarked;
