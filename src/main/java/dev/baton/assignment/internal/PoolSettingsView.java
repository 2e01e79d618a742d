package dev.baton.assignment.internal;

import org.jspecify.annotations.Nullable;

/**
 * The tenant's pool rules. The two timers are stored for the SLA module's durable timers, which do not fire them
 * yet.
 *
 * @param dailyGrabLimit grabs per user per day (Asia/Shanghai), null: no limit
 * @param maxHeld grabbed tickets a user may hold unfinished at once, null: no limit
 * @param escalateAfterMinutes business minutes a ticket may wait in the pool before it escalates
 * @param returnAfterMinutes minutes a grabbed ticket may go without action before it returns to the pool
 * @param version null before the first save
 */
record PoolSettingsView(
        @Nullable Integer dailyGrabLimit,
        @Nullable Integer maxHeld,
        @Nullable Integer escalateAfterMinutes,
        @Nullable Integer returnAfterMinutes,
        @Nullable Integer version) {}
