@NullMarked
package dev.baton.assignment.internal;

import org.jspecify.annotations.NullMarked;
