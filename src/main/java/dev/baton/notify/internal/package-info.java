@NullMarked
package dev.baton.notify.internal;

import org.jspecify.annotations.NullMarked;
