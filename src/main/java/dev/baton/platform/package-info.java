/**
 * Plumbing every module stands on: tenant-aware current user, problem+json errors, paging,
 * audit trail, access tokens, the clock and the database setup.
 */
@NullMarked
package dev.baton.platform;

import org.jspecify.annotations.NullMarked;
