package dev.baton.assignment.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A routing rule's body as stored (JSON text) and sent: when it applies, whom it targets, how one person is
 * chosen among them, and who gets the ticket when nobody is eligible.
 */
record RuleDefinition(Conditions conditions, Target target, Strategy strategy, Fallback fallback) {

    static final List<String> TARGETS = List.of("user", "role", "department", "skill_group", "region_group", "pool");
    static final List<String> STRATEGIES =
            List.of("round_robin", "least_loaded", "skill_match", "nearest_region", "random", "manual");
    static final List<String> FALLBACKS = List.of("pool", "user", "department_leader");

    /**
     * Every listed condition must hold; inside one, any listed value matches. Empty lists match everything.
     *
     * @param channels codes of intake channels ({@code ticket.channel}): a channel's own rule
     * @param customerRegions region prefixes ({@code 广东} covers {@code 广东/深圳})
     * @param keywords any of them in the title, description or chat excerpt (width- and case-insensitive)
     * @param expression CEL over {@code fields}, {@code ticket} and {@code customer} maps, as in flows
     */
    record Conditions(
            @Nullable List<Long> templateIds,
            @Nullable List<String> templateCodes,
            @Nullable List<String> sources,
            @Nullable List<String> channels,
            @Nullable List<String> customerLevels,
            @Nullable List<String> customerRegions,
            @Nullable List<String> priorities,
            @Nullable List<String> keywords,
            @Nullable String expression) {

        static final Conditions ANY = new Conditions(null, null, null, null, null, null, null, null, null);

        List<Long> templateIdList() {
            return this.templateIds == null ? List.of() : this.templateIds;
        }

        static List<String> list(@Nullable List<String> values) {
            return values == null ? List.of() : values;
        }
    }

    /**
     * @param includeChildren for a department: its sub-departments' members too
     * @param skills for a skill group: agents having all of them
     * @param regions for a region group: agents whose region starts with one of them
     */
    record Target(
            String kind,
            @Nullable Long userId,
            @Nullable String roleCode,
            @Nullable Long departmentId,
            @Nullable Boolean includeChildren,
            @Nullable List<String> skills,
            @Nullable List<String> regions) {

        boolean children() {
            return Boolean.TRUE.equals(this.includeChildren);
        }
    }

    /**
     * @param weightByPriority least-loaded counts urgent work 3, high 2, else 1
     * @param skills for skill match: the skills every candidate must have (default: the target's)
     */
    record Strategy(
            String kind,
            @Nullable Boolean weightByPriority,
            @Nullable List<String> skills) {

        boolean weighted() {
            return Boolean.TRUE.equals(this.weightByPriority);
        }
    }

    /** @param departmentId for {@code department_leader}: whose leader (default: the target's, else the ticket's) */
    record Fallback(
            String kind, @Nullable Long userId, @Nullable Long departmentId) {

        static final Fallback POOL = new Fallback("pool", null, null);
    }
}
