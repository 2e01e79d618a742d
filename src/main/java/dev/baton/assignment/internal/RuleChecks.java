package dev.baton.assignment.internal;

import static dev.baton.platform.db.Tables.DEPARTMENTS;

import dev.baton.platform.FieldError;
import dev.baton.platform.OrgDirectory;
import dev.baton.platform.RoleCatalog;
import dev.baton.platform.ValidationException;
import dev.baton.ticket.TicketSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Everything a rule must satisfy before it is stored, reported per field ({@code target.roleCode}, …). */
@Component
class RuleChecks {

    static final int MAX_KEYWORDS = 200;
    static final int MAX_VALUES = 100;
    private static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");
    /** The intake module's channel code. */
    private static final Pattern CHANNEL_CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final OrgDirectory org;
    private final RoleCatalog roles;
    private final DSLContext db;

    RuleChecks(OrgDirectory org, RoleCatalog roles, DSLContext db) {
        this.org = org;
        this.roles = roles;
        this.db = db;
    }

    /** The definition to store: defaults filled in, or a 400 listing every problem. */
    RuleDefinition check(long tenantId, RuleCommand cmd) {
        List<FieldError> errors = new ArrayList<>();
        String name = cmd.name() == null ? "" : cmd.name().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "{validation.required}"));
        } else if (name.length() > 100) {
            errors.add(new FieldError("name", "{assignment.text.too-long}"));
        }
        RuleDefinition.Conditions conditions =
                cmd.conditions() == null ? RuleDefinition.Conditions.ANY : cmd.conditions();
        conditions(conditions, errors);
        RuleDefinition.Target target = cmd.target();
        if (target == null || target.kind() == null) {
            errors.add(new FieldError("target.kind", "{validation.required}"));
        } else {
            target(tenantId, target, errors);
        }
        RuleDefinition.Strategy strategy = cmd.strategy();
        if (strategy == null || strategy.kind() == null) {
            errors.add(new FieldError("strategy.kind", "{validation.required}"));
        } else if (!RuleDefinition.STRATEGIES.contains(strategy.kind())) {
            errors.add(new FieldError("strategy.kind", "{assignment.strategy.unknown}"));
        } else if (strategy.kind().equals("skill_match")
                && RuleDefinition.Conditions.list(strategy.skills()).isEmpty()
                && (target == null
                        || RuleDefinition.Conditions.list(target.skills()).isEmpty())) {
            errors.add(new FieldError("strategy.skills", "{assignment.skills.required}"));
        }
        RuleDefinition.Fallback fallback = cmd.fallback() == null ? RuleDefinition.Fallback.POOL : cmd.fallback();
        fallback(tenantId, fallback, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new RuleDefinition(
                conditions, Objects.requireNonNull(target), Objects.requireNonNull(strategy), fallback);
    }

    private static void conditions(RuleDefinition.Conditions c, List<FieldError> errors) {
        size("conditions.templateCodes", c.templateCodes(), MAX_VALUES, errors);
        size("conditions.customerLevels", c.customerLevels(), MAX_VALUES, errors);
        size("conditions.customerRegions", c.customerRegions(), MAX_VALUES, errors);
        size("conditions.keywords", c.keywords(), MAX_KEYWORDS, errors);
        if (c.templateIds() != null && c.templateIds().size() > MAX_VALUES) {
            errors.add(new FieldError("conditions.templateIds", "{assignment.values.too-many}"));
        }
        List<String> sources = RuleDefinition.Conditions.list(c.sources());
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i) == null || TicketSource.ofCode(sources.get(i)).isEmpty()) {
                errors.add(new FieldError("conditions.sources[" + i + "]", "{assignment.source.unknown}"));
            }
        }
        List<String> channels = RuleDefinition.Conditions.list(c.channels());
        if (channels.size() > MAX_VALUES) {
            errors.add(new FieldError("conditions.channels", "{assignment.values.too-many}"));
        }
        for (int i = 0; i < channels.size() && i < MAX_VALUES; i++) {
            // the channel need not exist yet (rules are written before or after it); its code must be one
            if (channels.get(i) == null
                    || !CHANNEL_CODE.matcher(channels.get(i)).matches()) {
                errors.add(new FieldError("conditions.channels[" + i + "]", "{assignment.channel.invalid}"));
            }
        }
        List<String> priorities = RuleDefinition.Conditions.list(c.priorities());
        for (int i = 0; i < priorities.size(); i++) {
            if (!PRIORITIES.contains(priorities.get(i))) {
                errors.add(new FieldError("conditions.priorities[" + i + "]", "{assignment.priority.unknown}"));
            }
        }
        if (c.expression() != null && !c.expression().isBlank()) {
            RuleExpressions.problem(c.expression())
                    .ifPresent(p ->
                            errors.add(new FieldError("conditions.expression", "{assignment.expression.invalid}")));
        }
    }

    private static void size(String field, @Nullable List<String> values, int max, List<FieldError> errors) {
        List<String> list = RuleDefinition.Conditions.list(values);
        if (list.size() > max) {
            errors.add(new FieldError(field, "{assignment.values.too-many}"));
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String v = list.get(i);
            if (v == null || v.isBlank() || v.length() > 100) {
                errors.add(new FieldError(field + "[" + i + "]", "{assignment.value.invalid}"));
            }
        }
    }

    private void target(long tenantId, RuleDefinition.Target t, List<FieldError> errors) {
        switch (t.kind()) {
            case "user" -> {
                if (t.userId() == null) {
                    errors.add(new FieldError("target.userId", "{validation.required}"));
                } else if (!this.org.isActive(tenantId, t.userId())) {
                    errors.add(new FieldError("target.userId", "{assignment.user.unknown}"));
                }
            }
            case "role" -> {
                if (t.roleCode() == null || t.roleCode().isBlank()) {
                    errors.add(new FieldError("target.roleCode", "{validation.required}"));
                } else if (!this.roles.roleCodes(tenantId).contains(t.roleCode())) {
                    errors.add(new FieldError("target.roleCode", "{assignment.role.unknown}"));
                }
            }
            case "department" -> {
                if (t.departmentId() == null) {
                    errors.add(new FieldError("target.departmentId", "{validation.required}"));
                } else if (!department(tenantId, t.departmentId())) {
                    errors.add(new FieldError("target.departmentId", "{assignment.department.unknown}"));
                }
            }
            case "skill_group" -> {
                if (RuleDefinition.Conditions.list(t.skills()).isEmpty()) {
                    errors.add(new FieldError("target.skills", "{assignment.skills.required}"));
                }
                size("target.skills", t.skills(), MAX_VALUES, errors);
            }
            case "region_group" -> {
                if (RuleDefinition.Conditions.list(t.regions()).isEmpty()) {
                    errors.add(new FieldError("target.regions", "{assignment.regions.required}"));
                }
                size("target.regions", t.regions(), MAX_VALUES, errors);
            }
            case "pool" -> {}
            default -> errors.add(new FieldError("target.kind", "{assignment.target.unknown}"));
        }
    }

    private void fallback(long tenantId, RuleDefinition.Fallback f, List<FieldError> errors) {
        if (f.kind() == null || !RuleDefinition.FALLBACKS.contains(f.kind())) {
            errors.add(new FieldError("fallback.kind", "{assignment.fallback.unknown}"));
            return;
        }
        if (f.kind().equals("user")) {
            if (f.userId() == null) {
                errors.add(new FieldError("fallback.userId", "{validation.required}"));
            } else if (!this.org.isActive(tenantId, f.userId())) {
                errors.add(new FieldError("fallback.userId", "{assignment.user.unknown}"));
            }
        }
        if (f.departmentId() != null && !department(tenantId, f.departmentId())) {
            errors.add(new FieldError("fallback.departmentId", "{assignment.department.unknown}"));
        }
    }

    boolean department(long tenantId, long departmentId) {
        return this.db.fetchExists(DEPARTMENTS, DEPARTMENTS.TENANT_ID.eq(tenantId), DEPARTMENTS.ID.eq(departmentId));
    }
}
