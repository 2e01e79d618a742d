package dev.baton.sla.internal;

import static dev.baton.platform.db.Tables.CALENDARS;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.FieldError;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.RoleCatalog;
import dev.baton.platform.ValidationException;
import dev.baton.platform.VersionConflictException;
import dev.baton.platform.db.tables.records.SlaPoliciesRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeping a tenant's ordered list of SLA policies: every change version-guarded, audited, and followed (after
 * commit) by a recomputation of the tenant's open tickets ({@link SlaChanged}).
 */
@Service
class Policies {

    private final PolicyRepository policies;
    private final RoleCatalog roles;
    private final AuditTrail audit;
    private final DSLContext db;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Policies(
            PolicyRepository policies,
            RoleCatalog roles,
            AuditTrail audit,
            DSLContext db,
            ApplicationEventPublisher events,
            Clock clock) {
        this.policies = policies;
        this.roles = roles;
        this.audit = audit;
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    /** The enabled and disabled policies in the order they are tried (for matching). */
    @Transactional(readOnly = true)
    List<SlaPolicy> ordered(long tenantId) {
        return this.policies.ordered(tenantId).stream()
                .map(this.policies::policy)
                .toList();
    }

    @Transactional(readOnly = true)
    PageResult<PolicyView> list(long tenantId, PageQuery paging) {
        List<SlaPoliciesRecord> all = this.policies.ordered(tenantId);
        List<PolicyView> page = all.stream()
                .skip(paging.offset())
                .limit(paging.size())
                .map(this.policies::view)
                .toList();
        return new PageResult<>(page, paging.page(), paging.size(), all.size());
    }

    @Transactional(readOnly = true)
    PolicyView get(long tenantId, long id) {
        return this.policies.view(row(tenantId, id));
    }

    @Transactional
    PolicyView create(long tenantId, PolicyCommand cmd) {
        PolicyDefinition d = check(tenantId, 0, cmd);
        long id = this.policies.insert(
                tenantId,
                cmd.name().strip(),
                this.policies.nextPosition(tenantId),
                !Boolean.FALSE.equals(cmd.enabled()),
                cmd.calendarId(),
                d,
                this.clock.instant());
        this.audit.record("sla-policy.create", "sla_policy", id, cmd.name().strip());
        changed(tenantId);
        return get(tenantId, id);
    }

    @Transactional
    PolicyView update(long tenantId, long id, PolicyCommand cmd) {
        SlaPoliciesRecord row = row(tenantId, id);
        if (cmd.version() == null) {
            throw new ValidationException("version", "{validation.required}");
        }
        PolicyDefinition d = check(tenantId, id, cmd);
        boolean enabled = cmd.enabled() == null ? row.getEnabled() : cmd.enabled();
        if (!this.policies.update(
                tenantId, id, cmd.version(), cmd.name().strip(), enabled, cmd.calendarId(), d, this.clock.instant())) {
            throw new VersionConflictException(
                    "sla_policy", id, row(tenantId, id).getVersion());
        }
        this.audit.record("sla-policy.update", "sla_policy", id, cmd.name().strip());
        changed(tenantId);
        return get(tenantId, id);
    }

    @Transactional
    void delete(long tenantId, long id, int version) {
        SlaPoliciesRecord row = row(tenantId, id);
        if (!this.policies.delete(tenantId, id, version)) {
            throw new VersionConflictException("sla_policy", id, row.getVersion());
        }
        this.audit.record("sla-policy.delete", "sla_policy", id, row.getName());
        changed(tenantId);
    }

    /** Puts the policies in the given order; the list must name every policy of the tenant once. */
    @Transactional
    List<PolicyView> reorder(long tenantId, PolicyCommand.Order order) {
        List<SlaPoliciesRecord> all = this.policies.ordered(tenantId);
        Set<Long> existing = new HashSet<>();
        all.forEach(r -> existing.add(r.getId()));
        List<Long> ids = order.ids() == null ? List.of() : new ArrayList<>(order.ids());
        List<FieldError> errors = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            if (id == null || !existing.contains(id)) {
                errors.add(new FieldError("ids[" + i + "]", "{sla.policy.order.unknown}"));
            } else if (!seen.add(id)) {
                errors.add(new FieldError("ids[" + i + "]", "{sla.policy.order.duplicate}"));
            }
        }
        if (errors.isEmpty() && seen.size() != existing.size()) {
            errors.add(new FieldError("ids", "{sla.policy.order.incomplete}"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        for (int i = 0; i < ids.size(); i++) {
            this.policies.position(tenantId, ids.get(i), i, this.clock.instant());
        }
        this.audit.record("sla-policy.reorder", "sla_policy", 0, ids.toString());
        changed(tenantId);
        return this.policies.ordered(tenantId).stream().map(this.policies::view).toList();
    }

    private PolicyDefinition check(long tenantId, long id, PolicyCommand cmd) {
        List<FieldError> errors = new ArrayList<>();
        PolicyDefinition d = PolicyRules.check(cmd, this.roles.roleCodes(tenantId), errors);
        if (this.policies.nameTaken(tenantId, cmd.name().strip(), id)) {
            errors.add(new FieldError("name", "{sla.policy.name.taken}"));
        }
        Long calendar = cmd.calendarId();
        if (calendar != null
                && !this.db.fetchExists(CALENDARS, CALENDARS.TENANT_ID.eq(tenantId), CALENDARS.ID.eq(calendar))) {
            errors.add(new FieldError("calendarId", "{sla.policy.calendar}"));
        }
        if (d == null || !errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return d;
    }

    private void changed(long tenantId) {
        this.events.publishEvent(new SlaChanged(tenantId));
    }

    private SlaPoliciesRecord row(long tenantId, long id) {
        return this.policies.find(tenantId, id).orElseThrow(() -> new NotFoundException("sla_policy", id));
    }
}
