@NullMarked
package dev.baton.wecom.internal;

import org.jspecify.annotations.NullMarked;
