/** Organisation internals: repositories, controllers, log-in, provisioning and demo data. */
@NullMarked
package dev.baton.org.internal;

import org.jspecify.annotations.NullMarked;
