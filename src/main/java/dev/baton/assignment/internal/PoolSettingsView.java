package dev.baton.assignment.internal;

import org.jspecify.annotations.Nullable;

/**
 * The tenant's pool rules. The two durations are on the tenant's default business calendar and fire as durable
 * timers ({@link PoolTimers}).
 *
 * @param dailyGrabLimit grabs per user per day (Asia/Shanghai), null: no limit
 * @param maxHeld grabbed tickets a user may hold unfinished at once, null: no limit
 * @param escalateAfterMinutes business minutes a ticket may wait in the pool before it escalates
 * @param returnAfterMinutes business minutes a grabbed ticket may go untouched before it returns to the pool
 * @param escalateRole the role whose holders hear of a ticket nobody grabbed in time; {@code supervisor} when null
 * @param version null before the first save
 */
record PoolSettingsView(
        @Nullable Integer dailyGrabLimit,
        @Nullable Integer maxHeld,
        @Nullable Integer escalateAfterMinutes,
        @Nullable Integer returnAfterMinutes,
        @Nullable String escalateRole,
        @Nullable Integer version) {

    static final String DEFAULT_ESCALATE_ROLE = "supervisor";

    String escalateRoleOrDefault() {
        return this.escalateRole == null ? DEFAULT_ESCALATE_ROLE : this.escalateRole;
    }
}
