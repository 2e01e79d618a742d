package dev.baton.template.internal;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.BatonException;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.FieldError;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.ValidationException;
import dev.baton.platform.VersionConflictException;
import dev.baton.platform.db.tables.records.TemplatesRecord;
import dev.baton.template.FieldAccess;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldValues;
import dev.baton.template.TemplateCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Designing templates. Changing the fields writes a new immutable version; tickets keep the version
 * they were created with. Nothing is stored unless every problem of the request has been fixed.
 */
@Service
class Templates implements TemplateCatalog {

    static final Set<String> SORT_KEYS = Set.of("name", "code", "updatedAt");

    private final TemplateRepository templates;
    private final TemplateFields fields;
    private final AttachmentRules attachmentRules;
    private final AuditTrail audit;
    private final Clock clock;

    Templates(
            TemplateRepository templates,
            TemplateFields fields,
            AttachmentRules attachmentRules,
            AuditTrail audit,
            Clock clock) {
        this.templates = templates;
        this.fields = fields;
        this.attachmentRules = attachmentRules;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PageResult<TemplateView.Summary> search(long tenantId, Condition filter, PageQuery paging) {
        return this.templates.page(tenantId, filter, paging);
    }

    @Transactional(readOnly = true)
    TemplateView get(long tenantId, long id) {
        TemplatesRecord row = row(tenantId, id);
        return view(row, version(tenantId, id, row.getCurrentVersion()).fields());
    }

    /**
     * The template as {@code me} may see it: designers see every field, everyone else only the fields
     * their roles are allowed to see.
     */
    @Transactional(readOnly = true)
    TemplateView getFor(CurrentUser me, long id) {
        TemplateView full = get(me.tenantId(), id);
        if (me.can("template.manage")) {
            return full;
        }
        List<FieldJson> visible = full.fields().stream()
                .filter(f -> FieldAccess.canSee(f.stored(), me.roleCodes()))
                .toList();
        return new TemplateView(
                full.id(),
                full.code(),
                full.name(),
                full.category(),
                full.description(),
                full.icon(),
                full.enabled(),
                full.flowId(),
                full.statusNames(),
                full.currentVersion(),
                visible,
                full.version(),
                full.createdAt(),
                full.updatedAt());
    }

    /**
     * Checks a set of field values against the current version, as creating or editing a ticket
     * will: fields the caller may not write are refused (403, named), then every invalid value is
     * listed (400).
     */
    @Transactional(readOnly = true)
    int validate(CurrentUser me, long id, Map<String, @Nullable Object> values) {
        TemplatesRecord row = row(me.tenantId(), id);
        List<FieldDefinition> defs = version(me.tenantId(), id, row.getCurrentVersion()).fields().stream()
                .map(FieldJson::stored)
                .toList();
        List<String> refused = FieldAccess.refusedWrites(defs, values.keySet(), me.roleCodes());
        if (!refused.isEmpty()) {
            throw new BatonException(
                    HttpStatus.FORBIDDEN,
                    "field-not-writable",
                    refused.stream()
                            .map(k -> new FieldError(k, "{field.not-writable}"))
                            .toList(),
                    String.join(", ", refused));
        }
        List<FieldError> errors = new ArrayList<>(FieldValues.validate(defs, values));
        if (errors.isEmpty()) {
            this.attachmentRules.check(me.tenantId(), defs, values, errors);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return row.getCurrentVersion();
    }

    @Transactional(readOnly = true)
    List<TemplateView.Version> versions(long tenantId, long id) {
        row(tenantId, id);
        return this.templates.versions(tenantId, id);
    }

    @Transactional(readOnly = true)
    TemplateView.Version version(long tenantId, long id, int versionNo) {
        return this.templates
                .version(tenantId, id, versionNo)
                .orElseThrow(() -> new NotFoundException("template-version", id + "/" + versionNo));
    }

    @Transactional
    TemplateView create(CurrentUser me, TemplateCommand.Create cmd) {
        long tenant = me.tenantId();
        List<FieldError> errors = new ArrayList<>();
        var statusNames = CustomerSteps.resolve(cmd.statusNames(), errors);
        List<FieldJson> checked = this.fields.check(tenant, cmd.fields(), errors);
        if (this.templates.codeTaken(tenant, cmd.code())) {
            errors.add(new FieldError("code", "{template.code.taken}"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        var data = new TemplateData(
                cmd.code(),
                cmd.name().strip(),
                blankToNull(cmd.category()),
                blankToNull(cmd.description()),
                blankToNull(cmd.icon()),
                cmd.enabled() == null || cmd.enabled(),
                statusNames);
        long id = insert(me, data, checked);
        this.audit.record("template.create", "template", id, data.code() + " (" + checked.size() + " fields)");
        return get(tenant, id);
    }

    @Transactional
    TemplateView update(CurrentUser me, long id, TemplateCommand.Edit cmd) {
        long tenant = me.tenantId();
        TemplatesRecord row = row(tenant, id);
        if (row.getVersion() != cmd.version()) {
            throw new VersionConflictException("template", id, row.getVersion());
        }
        List<FieldError> errors = new ArrayList<>();
        var statusNames = CustomerSteps.resolve(cmd.statusNames(), errors);
        List<FieldJson> checked = this.fields.check(tenant, cmd.fields(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        var data = new TemplateData(
                row.getCode(),
                cmd.name().strip(),
                blankToNull(cmd.category()),
                blankToNull(cmd.description()),
                blankToNull(cmd.icon()),
                cmd.enabled() == null ? row.getEnabled() : cmd.enabled(),
                statusNames);
        Instant now = this.clock.instant();
        boolean fieldsChanged =
                !checked.equals(version(tenant, id, row.getCurrentVersion()).fields());
        int current = fieldsChanged ? row.getCurrentVersion() + 1 : row.getCurrentVersion();
        if (!this.templates.update(tenant, id, cmd.version(), data, current, now)) {
            throw new VersionConflictException("template", id, row(tenant, id).getVersion());
        }
        if (fieldsChanged) {
            this.templates.insertVersion(tenant, id, current, checked, me.userId(), now);
        }
        this.audit.record("template.update", "template", id, row.getCode() + " v" + current);
        return get(tenant, id);
    }

    @Transactional
    TemplateView copy(CurrentUser me, long id, TemplateCommand.Clone cmd) {
        long tenant = me.tenantId();
        TemplateView source = get(tenant, id);
        if (this.templates.codeTaken(tenant, cmd.code())) {
            throw new ValidationException("code", "{template.code.taken}");
        }
        var data = new TemplateData(
                cmd.code(),
                cmd.name().strip(),
                source.category(),
                source.description(),
                source.icon(),
                source.enabled(),
                source.statusNames());
        long copyId = insert(me, data, source.fields());
        this.audit.record("template.clone", "template", copyId, source.code() + " -> " + cmd.code());
        return get(tenant, copyId);
    }

    /**
     * Hides the template from lists and reads; tickets created from it keep its versions. The
     * caller must name the version it saw, so a template edited meanwhile is not deleted blindly.
     */
    @Transactional
    void delete(CurrentUser me, long id, int expectedVersion) {
        TemplatesRecord row = row(me.tenantId(), id);
        if (row.getVersion() != expectedVersion
                || !this.templates.markDeleted(me.tenantId(), id, expectedVersion, this.clock.instant())) {
            throw new VersionConflictException("template", id, row.getVersion());
        }
        this.audit.record("template.delete", "template", id, row.getCode());
    }

    @Override
    public Optional<Integer> currentVersion(long tenantId, long templateId) {
        return this.templates.currentVersion(tenantId, templateId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CurrentFields> currentFields(long tenantId, long templateId) {
        return this.templates
                .find(tenantId, templateId)
                .map(row -> new CurrentFields(
                        templateId,
                        row.getCurrentVersion(),
                        version(tenantId, templateId, row.getCurrentVersion()).fields().stream()
                                .map(FieldJson::stored)
                                .toList()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> idOf(long tenantId, String code) {
        return this.templates.idOf(tenantId, code);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Header> header(long tenantId, long templateId) {
        return this.templates
                .find(tenantId, templateId)
                .map(row -> new Header(
                        templateId, row.getCode(), row.getName(), row.getEnabled(), this.templates.statusNames(row)));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CurrentFields> fieldsOf(long tenantId, long templateId, int versionNo) {
        if (this.templates.find(tenantId, templateId).isEmpty()) {
            return Optional.empty();
        }
        return this.templates
                .version(tenantId, templateId, versionNo)
                .map(v -> new CurrentFields(
                        templateId,
                        versionNo,
                        v.fields().stream().map(FieldJson::stored).toList()));
    }

    /** Used by demo data: creates a template whose fields are already known to be valid. */
    @Transactional
    long insert(CurrentUser me, TemplateData data, List<FieldJson> checkedFields) {
        Instant now = this.clock.instant();
        long id = this.templates.insert(me.tenantId(), data, now);
        this.templates.insertVersion(me.tenantId(), id, 1, checkedFields, me.userId(), now);
        return id;
    }

    private TemplatesRecord row(long tenantId, long id) {
        return this.templates.find(tenantId, id).orElseThrow(() -> new NotFoundException("template", id));
    }

    private TemplateView view(TemplatesRecord r, List<FieldJson> fields) {
        return new TemplateView(
                r.getId(),
                r.getCode(),
                r.getName(),
                r.getCategory(),
                r.getDescription(),
                r.getIcon(),
                r.getEnabled(),
                r.getFlowId(),
                this.templates.statusNames(r),
                r.getCurrentVersion(),
                fields,
                r.getVersion(),
                r.getCreatedAt(),
                r.getUpdatedAt());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
