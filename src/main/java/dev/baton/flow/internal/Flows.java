package dev.baton.flow.internal;

import dev.baton.flow.FlowDefinitions;
import dev.baton.platform.AuditTrail;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.FieldError;
import dev.baton.platform.Messages;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.ValidationException;
import dev.baton.platform.VersionConflictException;
import dev.baton.platform.db.tables.records.FlowVersionsRecord;
import dev.baton.platform.db.tables.records.FlowsRecord;
import dev.baton.template.TemplateCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Designing flows. A draft is always saved — invalid ones too, with the problems that keep them from
 * being published — and publishing checks it against the template's current fields and freezes it
 * as version N+1.
 */
@Service
class Flows {

    static final Set<String> SORT_KEYS = Set.of("name", "updatedAt");

    private final FlowRepository flows;
    private final TemplateCatalog templates;
    private final Messages messages;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    Flows(
            FlowRepository flows,
            TemplateCatalog templates,
            Messages messages,
            AuditTrail audit,
            JsonMapper json,
            Clock clock) {
        this.flows = flows;
        this.templates = templates;
        this.messages = messages;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PageResult<FlowView.Summary> search(long tenantId, Condition filter, PageQuery paging) {
        return this.flows.page(tenantId, filter, paging);
    }

    @Transactional(readOnly = true)
    FlowView get(long tenantId, long id) {
        return view(row(tenantId, id));
    }

    @Transactional
    FlowView create(CurrentUser me, FlowCommand.Create cmd) {
        if (this.templates.currentFields(me.tenantId(), cmd.templateId()).isEmpty()) {
            throw new ValidationException("templateId", "{flow.template-missing}");
        }
        long id = this.flows.insert(
                me.tenantId(),
                cmd.name().strip(),
                cmd.templateId(),
                this.json.writeValueAsString(cmd.definition()),
                this.clock.instant());
        this.audit.record("flow.create", "flow", id, cmd.name());
        return get(me.tenantId(), id);
    }

    @Transactional
    FlowView update(CurrentUser me, long id, FlowCommand.Edit cmd) {
        FlowsRecord row = row(me.tenantId(), id);
        if (row.getVersion() != cmd.version()
                || !this.flows.updateDraft(
                        me.tenantId(),
                        id,
                        cmd.version(),
                        cmd.name().strip(),
                        this.json.writeValueAsString(cmd.definition()),
                        this.clock.instant())) {
            throw new VersionConflictException("flow", id, row.getVersion());
        }
        this.audit.record("flow.update", "flow", id, cmd.name());
        return get(me.tenantId(), id);
    }

    /** Publishes the draft at {@code expectedVersion}; 400 with every problem's path if it is not valid. */
    @Transactional
    FlowView publish(CurrentUser me, long id, int expectedVersion) {
        FlowsRecord row = row(me.tenantId(), id);
        if (row.getVersion() != expectedVersion) {
            throw new VersionConflictException("flow", id, row.getVersion());
        }
        var fields = this.templates
                .currentFields(me.tenantId(), row.getTemplateId())
                .orElseThrow(() -> new ValidationException("templateId", "{flow.template-missing}"));
        FlowDefinitions.Result checked = FlowDefinitions.parse(this.json.readTree(row.getDraft()), fields.fields());
        if (!checked.valid()) {
            throw new ValidationException(checked.errors());
        }
        int versionNo = row.getPublishedVersion() == null ? 1 : row.getPublishedVersion() + 1;
        Instant now = this.clock.instant();
        this.flows.insertVersion(me.tenantId(), id, versionNo, fields.version(), row.getDraft(), me.userId(), now);
        if (!this.flows.markPublished(me.tenantId(), id, expectedVersion, versionNo, now)) {
            throw new VersionConflictException(
                    "flow", id, row(me.tenantId(), id).getVersion());
        }
        this.audit.record("flow.publish", "flow", id, row.getName() + " v" + versionNo);
        return get(me.tenantId(), id);
    }

    @Transactional
    FlowView copy(CurrentUser me, long id, String name) {
        FlowsRecord source = row(me.tenantId(), id);
        long copyId = this.flows.insert(
                me.tenantId(), name.strip(), source.getTemplateId(), source.getDraft(), this.clock.instant());
        this.audit.record("flow.clone", "flow", copyId, source.getName() + " -> " + name);
        return get(me.tenantId(), copyId);
    }

    @Transactional(readOnly = true)
    List<FlowView.Published> versions(long tenantId, long id) {
        row(tenantId, id);
        return this.flows.versions(tenantId, id).stream()
                .map(v -> published(v, false))
                .toList();
    }

    @Transactional(readOnly = true)
    FlowView.Published version(long tenantId, long id, int versionNo) {
        return this.flows
                .version(tenantId, id, versionNo)
                .map(v -> published(v, true))
                .orElseThrow(() -> new NotFoundException("flow-version", id + "/" + versionNo));
    }

    private FlowsRecord row(long tenantId, long id) {
        return this.flows.find(tenantId, id).orElseThrow(() -> new NotFoundException("flow", id));
    }

    private FlowView view(FlowsRecord r) {
        JsonNode definition = this.json.readTree(r.getDraft());
        List<FieldError> problems = this.templates
                .currentFields(r.getTenantId(), r.getTemplateId())
                .map(f -> FlowDefinitions.parse(definition, f.fields()).errors())
                .orElse(List.of(new FieldError("templateId", "{flow.template-missing}")));
        return new FlowView(
                r.getId(),
                r.getName(),
                r.getTemplateId(),
                definition,
                this.messages.localize(problems),
                r.getPublishedVersion(),
                r.getVersion(),
                r.getCreatedAt(),
                r.getUpdatedAt());
    }

    private FlowView.Published published(FlowVersionsRecord v, boolean withDefinition) {
        return new FlowView.Published(
                v.getVersionNo(),
                v.getTemplateVersion(),
                v.getCreatedBy(),
                v.getCreatedAt(),
                withDefinition ? this.json.readTree(v.getDefinition()) : null);
    }
}
