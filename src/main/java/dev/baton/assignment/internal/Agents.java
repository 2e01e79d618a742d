package dev.baton.assignment.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What the routing engine needs to know about people; the database behind it in the app, a map in the bench. */
interface Agents {

    /** The users a target names, ascending by id (deactivated ones may be included; they are skipped). */
    List<Long> members(long tenantId, RuleDefinition.Target target);

    boolean active(long tenantId, long userId);

    @Nullable
    AgentProfile profile(long tenantId, long userId);

    /** Open work per user (tickets with a task naming them), urgent 3 / high 2 / else 1 when weighted. */
    Map<Long, Integer> loads(long tenantId, Collection<Long> userIds, boolean weighted);

    /** The active leader of the department (its own, or the nearest above). */
    Optional<Long> leader(long tenantId, long departmentId);

    /** An agent's routing profile. */
    record AgentProfile(
            long userId,
            List<String> skills,
            @Nullable String region,
            String status,
            @Nullable Instant statusUntil,
            @Nullable Integer maxOpen,
            int version) {

        static final String AVAILABLE = "available";

        /** Off duty or on leave now (a status with an end in the past is over). */
        boolean away(Instant now) {
            return !AVAILABLE.equals(this.status) && (this.statusUntil == null || this.statusUntil.isAfter(now));
        }
    }
}
