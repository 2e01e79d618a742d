package dev.baton.ticket.internal;

import dev.baton.customer.CustomerDirectory;
import dev.baton.flow.CustomerStatus;
import dev.baton.flow.FlowState;
import dev.baton.flow.Priority;
import dev.baton.flow.PublishedFlows;
import dev.baton.flow.StepCommand;
import dev.baton.platform.ConflictException;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.FieldError;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.OrgDirectory;
import dev.baton.platform.ValidationException;
import dev.baton.platform.VersionConflictException;
import dev.baton.platform.db.tables.records.TicketsRecord;
import dev.baton.template.FieldAccess;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldIndex;
import dev.baton.template.FieldValues;
import dev.baton.template.TemplateCatalog;
import dev.baton.ticket.ActionRequest;
import dev.baton.ticket.CustomerProgress;
import dev.baton.ticket.NewTicket;
import dev.baton.ticket.TicketAction;
import dev.baton.ticket.TicketEvent;
import dev.baton.ticket.TicketOperations;
import dev.baton.ticket.TicketRouting;
import dev.baton.ticket.TicketSource;
import dev.baton.ticket.TicketStatus;
import dev.baton.ticket.TicketView;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating tickets and acting on them; see {@link TicketOperations}. */
@Service
class TicketService implements TicketOperations {

    static final ZoneId NUMBER_ZONE = ZoneId.of("Asia/Shanghai");
    /** The facts a caller may pass: the customer's (overriding the customer record) and the intake channel's code. */
    private static final Set<String> CUSTOMER_FACTS =
            Set.of("customer.level", "customer.region", "customer.tags", "ticket.channel");

    private static final int MAX_TEXT = 100_000;

    private final TicketStore store;
    private final TicketJson json;
    private final TicketWriter writer;
    private final TicketNumbers numbers;
    private final TicketAccess access;
    private final TemplateCache templates;
    private final PublishedFlows flows;
    private final FlowSteps steps;
    private final Actions actions;
    private final TicketViews views;
    private final OrgDirectory org;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ObjectProvider<TicketRouting> routing;
    private final CustomerDirectory customers;
    private final CustomerActs customerActs;
    private final RecentTickets recent;

    TicketService(
            TicketStore store,
            TicketJson json,
            TicketWriter writer,
            TicketNumbers numbers,
            TicketAccess access,
            TemplateCache templates,
            PublishedFlows flows,
            FlowSteps steps,
            Actions actions,
            TicketViews views,
            OrgDirectory org,
            TransactionTemplate transactions,
            Clock clock,
            ObjectProvider<TicketRouting> routing,
            CustomerDirectory customers,
            CustomerActs customerActs,
            RecentTickets recent) {
        this.recent = recent;
        this.customers = customers;
        this.customerActs = customerActs;
        this.store = store;
        this.json = json;
        this.writer = writer;
        this.numbers = numbers;
        this.access = access;
        this.templates = templates;
        this.flows = flows;
        this.steps = steps;
        this.actions = actions;
        this.views = views;
        this.org = org;
        this.transactions = transactions;
        this.clock = clock;
        this.routing = routing;
    }

    @Override
    public Created create(CurrentUser me, NewTicket ticket, @Nullable String idempotencyKey) {
        return create(this.access.caller(me), ticket, idempotencyKey);
    }

    @Override
    public Created createAsSystem(long tenantId, NewTicket ticket, @Nullable String idempotencyKey) {
        return create(TicketAccess.system(tenantId), ticket, idempotencyKey);
    }

    private Created create(TicketAccess.Caller caller, NewTicket ticket, @Nullable String idempotencyKey) {
        CurrentUser me = caller.me();
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw new ValidationException("Idempotency-Key", "{ticket.idempotency-key}");
        }
        this.numbers.prepare(
                me.tenantId(), this.clock.instant().atZone(NUMBER_ZONE).toLocalDate());
        try {
            for (int attempt = 0; ; attempt++) {
                boolean fresh = attempt > 0;
                try {
                    return once(true, () -> createOnce(caller, ticket, idempotencyKey, fresh));
                } catch (MovedOn e) {
                    // Edited or published since this node last saw it (nothing was written): again, read afresh.
                    if (attempt == 2) {
                        throw new ConflictException("ticket-template-changing");
                    }
                }
            }
        } catch (DuplicateKeyException e) {
            // The same key raced in from a retry: the first one won, and this call answers with its ticket.
            if (idempotencyKey == null) {
                throw e;
            }
            return Objects.requireNonNull(this.transactions.execute(
                    s -> replay(caller, idempotencyKey).orElseThrow(() -> e)));
        }
    }

    private java.util.Optional<Created> replay(TicketAccess.Caller caller, String key) {
        return this.store
                .findByIdempotencyKey(caller.me().tenantId(), key)
                .map(row -> new Created(view(caller, load(row)), true));
    }

    /** The template version or flow version a creation was checked against is no longer current. */
    private static final class MovedOn extends RuntimeException {
        MovedOn() {
            super(null, null, false, false);
        }
    }

    private Created createOnce(TicketAccess.Caller caller, NewTicket t, @Nullable String key, boolean freshTemplate) {
        CurrentUser me = caller.me();
        if (key != null) {
            var existing = replay(caller, key);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        long tenant = me.tenantId();
        // Keywords may choose the template and priority the caller left out; what matched goes into the history.
        TicketRouting.Classification classified = classify(tenant, t);
        Long requestedTemplate = t.templateId() != null ? t.templateId() : classified.templateId();
        String requestedPriority = t.priority() != null ? t.priority() : classified.priority();
        List<FieldError> errors = new ArrayList<>();
        TemplateCatalog.Header header = null;
        if (requestedTemplate == null) {
            errors.add(new FieldError("templateId", "{ticket.template-required}"));
        } else {
            header = this.templates.header(tenant, requestedTemplate).orElse(null);
            if (header == null) {
                errors.add(new FieldError("templateId", "{ticket.template-unknown}"));
            } else if (!header.enabled()) {
                errors.add(new FieldError("templateId", "{ticket.template-disabled}"));
            }
        }
        String title = t.title() == null ? "" : t.title().strip();
        if (title.isEmpty()) {
            errors.add(new FieldError("title", "{ticket.title-required}"));
        } else if (title.length() > 200) {
            errors.add(new FieldError("title", "{ticket.title-too-long}"));
        }
        if (t.description() != null && t.description().length() > MAX_TEXT) {
            errors.add(new FieldError("description", "{ticket.text-too-long}"));
        }
        if (t.chatExcerpt() != null && t.chatExcerpt().length() > MAX_TEXT) {
            errors.add(new FieldError("chatExcerpt", "{ticket.text-too-long}"));
        }
        TicketSource source = t.source() == null
                ? TicketSource.API
                : TicketSource.ofCode(t.source()).orElse(null);
        if (source == null) {
            errors.add(new FieldError("source", "{ticket.source-unknown}"));
        }
        Priority priority = requestedPriority == null
                ? Priority.NORMAL
                : Priority.ofCode(requestedPriority).orElse(null);
        if (priority == null) {
            errors.add(new FieldError("priority", "{ticket.priority-unknown}"));
        }
        Map<String, @Nullable Object> facts = new LinkedHashMap<>();
        if (t.facts() != null) {
            t.facts().forEach((k, v) -> {
                if (CUSTOMER_FACTS.contains(k)) {
                    facts.put(k, v);
                } else {
                    errors.add(new FieldError("facts." + k, "{ticket.fact-unknown}"));
                }
            });
        }
        Long customerId = t.customerId();
        if (customerId != null) {
            // the customer's level, region and tags are the facts routing, SLA policies and conditions read,
            // unless the request says otherwise; a merged duplicate stands for the customer it became
            var customer = this.customers.facts(tenant, customerId).orElse(null);
            if (customer == null) {
                errors.add(new FieldError("customerId", "{customer.unknown}"));
            } else {
                customerId = customer.id();
                facts.putIfAbsent("customer.level", customer.level());
                if (customer.region() != null) {
                    facts.putIfAbsent("customer.region", customer.region());
                }
                facts.putIfAbsent("customer.tags", customer.tags());
            }
        }
        if (header == null || !errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        // Where the insert checks the template's and its flow's versions itself, the ones last seen serve; elsewhere
        // they are read.
        boolean checkedByInsert = this.store.oneStatementWrites() && !freshTemplate;
        TemplateCatalog.CurrentFields current = (checkedByInsert
                        ? this.templates.lastSeen(tenant, header.id())
                        : this.templates.current(tenant, header.id()))
                .orElseThrow(() -> new ValidationException("templateId", "{ticket.template-unknown}"));
        Map<String, @Nullable Object> fields =
                t.fields() == null ? new LinkedHashMap<>() : this.json.normalise(t.fields());
        FieldValues.validate(current.fields(), fields)
                .forEach(e -> errors.add(new FieldError("fields." + e.field(), e.message())));
        FieldAccess.refusedWrites(current.fields(), fields.keySet(), me.roleCodes())
                .forEach(k -> errors.add(new FieldError("fields." + k, "{ticket.field.not-writable}")));
        PublishedFlows.Runtime runtime = (checkedByInsert
                        ? this.flows.lastSeenForTemplate(tenant, header.id())
                        : this.flows.forTemplate(tenant, header.id()))
                .orElse(null);
        if (runtime == null) {
            errors.add(new FieldError("templateId", "{ticket.no-flow}"));
        }
        if (runtime == null || !errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = Transition.now(this.clock);
        facts.put("ticket.source", Objects.requireNonNull(source).code());
        facts.put("ticket.priority", Objects.requireNonNull(priority).code());
        facts.put("ticket.template", header.code());
        facts.put("ticket.createdAt", now.toString());
        Long department = me.userId() == null
                ? null
                : this.org.departmentsOf(tenant, me.userId()).stream()
                        .findFirst()
                        .orElse(null);

        TicketsRecord row = new TicketsRecord();
        row.setTenantId(tenant);
        row.setTemplateId(header.id());
        row.setTemplateVersion(current.version());
        row.setFlowId(runtime.flowId());
        row.setFlowVersion(runtime.version());
        row.setTitle(title);
        row.setDescription(t.description() == null ? null : RichText.sanitize(t.description()));
        row.setChatExcerpt(t.chatExcerpt());
        row.setSource(source.code());
        row.setPriority(priority.code());
        row.setStatus(TicketStatus.OPEN.code());
        row.setCustomerStatus(CustomerStatus.SUBMITTED.code());
        row.setCustomerId(customerId);
        row.setCreatorId(me.userId());
        row.setDepartmentId(department);
        row.setFields(this.json.write(fields));
        row.setFlowState(this.writer.stateJson(FlowState.NEW));
        row.setTasks("[]");
        row.setCurrentNodes(",");
        row.setIdempotencyKey(key);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        row.setVersion(0);
        row.setId(0L);

        Transition tx = new Transition(new Loaded(row, fields, FlowState.NEW, List.of()), me, TicketAction.SUBMIT, now);
        tx.row.setFlowId(runtime.flowId());
        tx.row.setFlowVersion(runtime.version());
        this.steps.step(tx, new StepCommand.Start(fields, facts));
        if (tx.row.getStatus().equals(TicketStatus.OPEN.code()) && tx.state.finished()) {
            tx.status(TicketStatus.RESOLVED);
        }
        tx.row.setFields(this.json.write(tx.fields));
        this.writer.storeState(tx.row, tx.state);
        tx.row.setCurrentNodes(TicketWriter.currentNodes(tx.state));
        tx.row.setTasks(this.json.write(tx.tasks));
        tx.row.setVersion(0);
        // Insert every column (the transition tracks only what changed), letting the database pick the id.
        tx.row.changed(true);
        tx.row.changed(dev.baton.platform.db.Tables.TICKETS.ID, false);
        // Numbered last: the day's counter row stays locked until commit, so hold it briefly. On PostgreSQL the
        // number comes from the one statement that writes everything, and what is written before knowing it carries
        // a stand-in that the statement replaces.
        LocalDate day = now.atZone(NUMBER_ZONE).toLocalDate();
        boolean oneStatement = this.store.oneStatementWrites();
        if (!oneStatement) {
            tx.row.setNumber(this.numbers.next(tenant, day));
            tx.row.setId(this.store.insert(tx.row));
        }
        String number = oneStatement ? PostgresCreation.pendingNumber() : tx.row.getNumber();
        Long creator = me.userId();
        Long customer = customerId;
        String sourceCode = source.code();
        String priorityCode = tx.row.getPriority();
        long templateId = header.id();
        // The creation event comes first; the flow's own events (already collected) follow it.
        tx.events.addFirst((ticket, v) -> new TicketEvent.TicketCreated(
                tenant, ticket, v, now, number, templateId, sourceCode, priorityCode, customer, creator));
        tx.changes.put("number", number);
        if (classified.matched()) {
            Map<String, @Nullable Object> found = new LinkedHashMap<>();
            found.put("keywords", classified.keywords());
            found.put("category", classified.category());
            found.put("tags", classified.tags());
            found.put("templateId", classified.templateId());
            found.put("priority", classified.priority());
            tx.changes.put("classification", found);
        }
        TicketStore.EventRow event = this.writer.event(tx, 0);
        List<FieldIndex.Entry> index = FieldIndex.entries(current.fields(), tx.fields);
        if (oneStatement) {
            // the statement adds the number's digits to the terms
            Set<String> terms = SearchTerms.ofDocument(searchText(TicketNumbers.prefix(day), tx.row));
            tx.row.setId(insertAtOnce(tx, day, index, terms, event, number));
        } else {
            this.store.insertCreation(
                    tenant,
                    tx.row.getId(),
                    header.id(),
                    tx.tasks,
                    index,
                    SearchTerms.ofDocument(searchText(tx.row.getNumber(), tx.row)),
                    event);
        }
        this.writer.announce(event);
        // The view is built from the values just written (the number included); reading them back would only re-parse
        // them, and the ticket's first read is a version check.
        Loaded created = new Loaded(tx.row, tx.fields, tx.state, tx.tasks);
        this.recent.remember(created);
        return new Created(view(caller, created), false);
    }

    private TicketRouting.Classification classify(long tenant, NewTicket t) {
        TicketRouting routing = this.routing.getIfAvailable();
        if (routing == null) {
            return TicketRouting.Classification.NONE;
        }
        StringBuilder text = new StringBuilder(t.title() == null ? "" : t.title());
        if (t.description() != null && t.description().length() <= MAX_TEXT) {
            text.append('\n').append(RichText.plainText(RichText.sanitize(t.description())));
        }
        if (t.chatExcerpt() != null && t.chatExcerpt().length() <= MAX_TEXT) {
            text.append('\n').append(t.chatExcerpt());
        }
        return routing.classify(tenant, text.toString());
    }

    /** PostgreSQL: the whole creation in one statement ({@link PostgresCreation}); the new ticket's id. */
    private long insertAtOnce(
            Transition tx,
            LocalDate day,
            List<FieldIndex.Entry> index,
            Set<String> terms,
            TicketStore.EventRow event,
            String pendingNumber) {
        TicketsRecord row = tx.row;
        long tenant = row.getTenantId();
        Optional<Long> id = this.store.insertCreated(row, day, tx.tasks, index, terms, event, pendingNumber);
        if (id.isEmpty()) {
            Optional<TemplateCatalog.CurrentFields> now = this.templates.current(tenant, row.getTemplateId());
            if (now.isEmpty() || now.get().version() != row.getTemplateVersion()) {
                throw new MovedOn();
            }
            Optional<PublishedFlows.Runtime> flow = this.flows.forTemplate(tenant, row.getTemplateId());
            if (flow.isEmpty()
                    || flow.get().flowId() != row.getFlowId()
                    || flow.get().version() != row.getFlowVersion()) {
                throw new MovedOn();
            }
            // Otherwise the day turned between prepare and here.
            this.numbers.insertZero(tenant, day);
            id = this.store.insertCreated(row, day, tx.tasks, index, terms, event, pendingNumber);
        }
        return id.orElseThrow(() -> new IllegalStateException("no ticket counter for tenant " + tenant + " on " + day));
    }

    private static String searchText(String number, TicketsRecord row) {
        StringBuilder text = new StringBuilder(number).append(' ').append(row.getTitle());
        if (row.getDescription() != null) {
            text.append(' ').append(RichText.plainText(row.getDescription()));
        }
        if (row.getChatExcerpt() != null) {
            text.append(' ').append(row.getChatExcerpt());
        }
        return text.toString();
    }

    @Override
    public TicketView act(CurrentUser me, long ticketId, TicketAction action, ActionRequest request) {
        if (action.needsVersion() && request.expectedVersion() == null) {
            throw new ValidationException("expectedVersion", "{ticket.expected-version}");
        }
        TicketAccess.Caller caller = this.access.caller(me);
        return once(request.expectedVersion() != null, () -> actOnce(caller, ticketId, action, request));
    }

    @Override
    public java.util.Optional<Numbered> findByNumber(long tenantId, String number) {
        return this.store.findByNumber(tenantId, number);
    }

    @Override
    public TicketView actAsSystem(long tenantId, long ticketId, TicketAction action, ActionRequest request) {
        if (action.needsVersion() && request.expectedVersion() == null) {
            throw new ValidationException("expectedVersion", "{ticket.expected-version}");
        }
        TicketAccess.Caller system = TicketAccess.system(tenantId);
        return once(request.expectedVersion() != null, () -> actOnce(system, ticketId, action, request));
    }

    /**
     * Runs a creation or an action. On PostgreSQL both read (plain reads: the row, the template, the flow, the org,
     * the customer) and then write with one statement ({@link PostgresCreation}, {@link PostgresTransition}), so
     * they run in autocommit and that statement commits itself: a BEGIN and a COMMIT would add a round trip and
     * nothing else. Whatever would write more falls back: a write of several statements gets a transaction of its
     * own ({@link TicketWriter}), and a step that asks routing (which may take a round-robin turn) stops before it
     * ({@link NeedsTransaction}) and the work runs again in a transaction. Comments and urges lock the row
     * ({@code autocommit} false) and keep theirs; so does everything on H2, and work inside a caller's transaction
     * joins it.
     */
    private <T> T once(boolean autocommit, Supplier<T> work) {
        if (autocommit
                && this.store.oneStatementWrites()
                && !TransactionSynchronizationManager.isActualTransactionActive()) {
            try {
                return work.get();
            } catch (NeedsTransaction e) {
                // nothing was written: again, in a transaction
            }
        }
        return Objects.requireNonNull(this.transactions.execute(s -> work.get()));
    }

    private TicketView actOnce(TicketAccess.Caller caller, long ticketId, TicketAction action, ActionRequest req) {
        CurrentUser me = caller.me();
        // Comments and urges carry no expected version: they lock the row as they read it, so a concurrent change
        // makes them wait instead of fail (the retry below stays as a safety net).
        boolean lock = req.expectedVersion() == null;
        for (int attempt = 0; ; attempt++) {
            Loaded t = attempt == 0 && !lock
                    ? forAction(caller, ticketId, req.expectedVersion())
                    : visible(caller, ticketId, lock);
            int current = t.row().getVersion();
            if (req.expectedVersion() != null && req.expectedVersion() != current) {
                throw new VersionConflictException("ticket", ticketId, current);
            }
            List<FieldDefinition> defs = fields(t.row());
            Transition tx = new Transition(t, me, action, Transition.now(this.clock));
            this.actions.apply(tx, caller, action, req, defs);
            if (this.writer.write(tx, defs)) {
                // The view is built from the values just written; reading the row back would only re-parse them.
                Loaded after = new Loaded(tx.row, tx.fields, tx.state, tx.tasks);
                this.recent.remember(after);
                return view(caller, after);
            }
            if (req.expectedVersion() != null || attempt >= 3) {
                int now = this.store
                        .find(me.tenantId(), ticketId)
                        .map(TicketsRecord::getVersion)
                        .orElse(current);
                throw new VersionConflictException("ticket", ticketId, now);
            }
        }
    }

    @Override
    public CustomerProgress progressForCustomer(long tenantId, long ticketId) {
        return Objects.requireNonNull(this.transactions.execute(
                s -> this.customerActs.view(visible(TicketAccess.system(tenantId), ticketId, false))));
    }

    @Override
    public CustomerProgress confirmByCustomer(long tenantId, long ticketId) {
        return Objects.requireNonNull(this.transactions.execute(
                s -> this.customerActs.confirm(visible(TicketAccess.system(tenantId), ticketId, true))));
    }

    @Override
    public CustomerProgress rateByCustomer(long tenantId, long ticketId, int stars, @Nullable String comment) {
        CustomerActs.checkRating(stars, comment);
        return Objects.requireNonNull(this.transactions.execute(
                s -> this.customerActs.rate(visible(TicketAccess.system(tenantId), ticketId, true), stars, comment)));
    }

    @Override
    public TicketView get(CurrentUser me, long ticketId) {
        // One row read, in autocommit: a transaction would add nothing but a BEGIN and a COMMIT round trip.
        TicketAccess.Caller caller = this.access.caller(me);
        Loaded t = current(caller, ticketId);
        this.recent.remember(t);
        return view(caller, t);
    }

    /**
     * The ticket as it is now: this node's copy when the row still has its version — a read of the version alone,
     * which leaves the row's JSON columns (the bulk of a ticket read's work, in the database and here) untouched —
     * or else the row. A version names one content (see {@link RecentTickets}), so the copy is what a read would
     * return.
     */
    private Loaded current(TicketAccess.Caller caller, long ticketId) {
        long tenant = caller.me().tenantId();
        Loaded known = this.recent.latest(tenant, ticketId);
        if (known != null
                && Objects.equals(
                        this.store.version(tenant, ticketId), known.row().getVersion())) {
            return seen(caller, known);
        }
        return visible(caller, ticketId);
    }

    /** This node's copy, if the caller may see it; 404 as for the row otherwise. */
    private Loaded seen(TicketAccess.Caller caller, Loaded known) {
        if (!this.access.canSee(caller, known)) {
            throw new NotFoundException("ticket", known.row().getId());
        }
        return known;
    }

    /**
     * The ticket an action starts from: the version the caller names, as this node last saw it, or else the row.
     * A remembered version is exactly what the row held at that version, and the write is guarded by it.
     */
    private Loaded forAction(TicketAccess.Caller caller, long ticketId, @Nullable Integer expectedVersion) {
        Loaded known =
                expectedVersion == null ? null : this.recent.at(caller.me().tenantId(), ticketId, expectedVersion);
        return known == null ? visible(caller, ticketId, false) : seen(caller, known);
    }

    /** The ticket if the caller may see it; 404 otherwise, so other tenants' and out-of-scope ids look alike. */
    Loaded visible(TicketAccess.Caller caller, long ticketId) {
        return visible(caller, ticketId, false);
    }

    private Loaded visible(TicketAccess.Caller caller, long ticketId, boolean lock) {
        long tenant = caller.me().tenantId();
        Loaded t = (lock ? this.store.findForUpdate(tenant, ticketId) : this.store.find(tenant, ticketId))
                .map(this::load)
                .orElseThrow(() -> new NotFoundException("ticket", ticketId));
        if (!this.access.canSee(caller, t)) {
            throw new NotFoundException("ticket", ticketId);
        }
        return t;
    }

    Loaded load(TicketsRecord row) {
        Map<String, @Nullable Object> fields = this.json.fields(row.getFields());
        return new Loaded(row, fields, this.writer.stateOf(row, fields), this.json.tasks(row.getTasks()));
    }

    List<FieldDefinition> fields(TicketsRecord row) {
        return this.templates.fields(row.getTenantId(), row.getTemplateId(), row.getTemplateVersion());
    }

    private TicketView view(CurrentUser me, Loaded t) {
        return view(this.access.caller(me), t);
    }

    private TicketView view(TicketAccess.Caller caller, Loaded t) {
        return this.views.view(caller, t, fields(t.row()));
    }
}
