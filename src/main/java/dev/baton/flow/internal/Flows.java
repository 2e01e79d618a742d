package dev.baton.flow.internal;

import dev.baton.flow.FlowCompiler;
import dev.baton.flow.FlowDefinitions;
import dev.baton.flow.FlowGraph;
import dev.baton.flow.InFlightTickets;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.Condition;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Designing flows. A draft is always saved — invalid ones too, with the problems that keep them from
 * being published — and publishing checks it against the template's current fields and freezes it
 * as version N+1, with the mapping that places running tickets at nodes N+1 no longer has.
 */
@Service
class Flows {

    static final Set<String> SORT_KEYS = Set.of("name", "updatedAt");

    /** Ticket numbers named in one refusal message; the {@code affected} property has the rest. */
    static final int NUMBERS_LISTED = 5;

    private final FlowRepository flows;
    private final TemplateCatalog templates;
    private final Messages messages;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final ObjectProvider<InFlightTickets> tickets;
    private final FlowRuntimes runtimes;
    private final MessageSource texts;

    Flows(
            FlowRepository flows,
            TemplateCatalog templates,
            Messages messages,
            AuditTrail audit,
            JsonMapper json,
            Clock clock,
            ObjectProvider<InFlightTickets> tickets,
            FlowRuntimes runtimes,
            MessageSource texts) {
        this.flows = flows;
        this.templates = templates;
        this.messages = messages;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.tickets = tickets;
        this.runtimes = runtimes;
        this.texts = texts;
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

    /**
     * Publishes the draft at {@code expectedVersion}; 400 with every problem's path if it or the mapping is
     * not valid, 409 listing the tickets and nodes when a running ticket would have no place on the new
     * version (see {@link dev.baton.flow.FlowMoves}).
     *
     * @param mapping old node id → node of the new version, for running positions at removed nodes
     */
    @Transactional
    FlowView publish(CurrentUser me, long id, int expectedVersion, Map<String, @Nullable String> mapping) {
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
        FlowGraph graph = FlowCompiler.compile(Objects.requireNonNull(checked.root()));
        List<FieldError> mappingErrors = PublishCheck.mappingErrors(graph, mapping);
        if (!mappingErrors.isEmpty()) {
            throw new ValidationException(mappingErrors);
        }
        Map<String, String> places = new LinkedHashMap<>(mapping);
        int versionNo = row.getPublishedVersion() == null ? 1 : row.getPublishedVersion() + 1;
        if (versionNo > 1) {
            refuseStranded(me.tenantId(), id, versionNo, graph, places);
        }
        Instant now = this.clock.instant();
        this.flows.insertVersion(
                me.tenantId(),
                id,
                versionNo,
                fields.version(),
                row.getDraft(),
                places.isEmpty() ? null : this.json.writeValueAsString(places),
                me.userId(),
                now);
        if (!this.flows.markPublished(me.tenantId(), id, expectedVersion, versionNo, now)) {
            throw new VersionConflictException(
                    "flow", id, row(me.tenantId(), id).getVersion());
        }
        this.audit.record("flow.publish", "flow", id, row.getName() + " v" + versionNo);
        this.runtimes.published(me.tenantId(), id, row.getTemplateId());
        return get(me.tenantId(), id);
    }

    /** 409 when a running ticket of an older version waits at a node with no place on {@code next}. */
    private void refuseStranded(long tenantId, long id, int versionNo, FlowGraph next, Map<String, String> mapping) {
        List<InFlightTickets.Position> positions = this.tickets
                .orderedStream()
                .flatMap(t -> t.positions(tenantId, id, versionNo).stream())
                .toList();
        Map<String, List<InFlightTickets.Position>> stranded = PublishCheck.stranded(next, mapping, positions);
        if (stranded.isEmpty()) {
            return;
        }
        List<FieldError> errors = stranded.entrySet().stream()
                .map(e -> new FieldError("mapping." + e.getKey(), waitingHere(e.getValue())))
                .toList();
        throw new StrandedTicketsException(
                errors, stranded.values().stream().flatMap(List::stream).toList());
    }

    /** "3 tickets wait here: GD20261123-0001, …", in the caller's language. */
    private String waitingHere(List<InFlightTickets.Position> here) {
        List<String> numbers = here.stream()
                .map(InFlightTickets.Position::ticketNumber)
                .distinct()
                .toList();
        String listed = String.join(", ", numbers.subList(0, Math.min(NUMBERS_LISTED, numbers.size())))
                + (numbers.size() > NUMBERS_LISTED ? ", …" : "");
        return this.texts.getMessage(
                "flow.mapping.needed", new Object[] {numbers.size(), listed}, LocaleContextHolder.getLocale());
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

    private Map<String, String> mapping(@Nullable String stored) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (stored != null) {
            this.json
                    .readTree(stored)
                    .properties()
                    .forEach(e -> mapping.put(e.getKey(), e.getValue().asString()));
        }
        return mapping;
    }

    private FlowView.Published published(FlowVersionsRecord v, boolean withDefinition) {
        return new FlowView.Published(
                v.getVersionNo(),
                v.getTemplateVersion(),
                v.getCreatedBy(),
                v.getCreatedAt(),
                mapping(v.getNodeMapping()),
                withDefinition ? this.json.readTree(v.getDefinition()) : null);
    }
}
