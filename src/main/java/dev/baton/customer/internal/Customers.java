package dev.baton.customer.internal;

import static dev.baton.platform.db.Tables.CUSTOMERS;
import static dev.baton.platform.db.Tables.CUSTOMER_LINKS;
import static dev.baton.platform.db.Tables.USERS;

import dev.baton.customer.CustomerDirectory;
import dev.baton.customer.CustomerIntake;
import dev.baton.customer.CustomerMerged;
import dev.baton.platform.AuditTrail;
import dev.baton.platform.ConflictException;
import dev.baton.platform.FieldError;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.ValidationException;
import dev.baton.platform.VersionConflictException;
import dev.baton.platform.db.tables.records.CustomersRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Customers: validated writes with optimistic locking, search, duplicates by phone and WeCom id, and merging. */
@Service
class Customers implements CustomerDirectory, CustomerIntake {

    static final Set<String> SORT_KEYS = Set.of("name", "createdAt", "updatedAt");
    static final Set<String> LEVELS = Set.of("basic", "standard", "vip");
    static final String EXTERNAL = "wecom_external";
    static final String GROUP = "wecom_group";
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,30}");
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9_@.-]{1,128}");
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final DSLContext db;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Customers(DSLContext db, JsonMapper json, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.json = json;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Optional<Facts> facts(long tenantId, long customerId) {
        // Every ticket creation asks: five columns by plain SQL, not the whole row through jOOQ's renderer, which
        // was most of this call's cost. No transaction of its own: a creation in autocommit (PostgreSQL) would pay
        // a COMMIT round trip for it, and each read sees the latest committed row as it would inside one.
        long id = customerId;
        for (int hops = 0; hops <= 10; hops++) {
            var r = this.db.fetchOptional(FACTS, tenantId, id).orElse(null);
            if (r == null) {
                return Optional.empty();
            }
            Long mergedInto = r.get(5, Long.class);
            if (mergedInto == null || hops == 10) {
                return Optional.of(new Facts(
                        r.get(0, Long.class),
                        r.get(1, String.class),
                        r.get(2, String.class),
                        r.get(3, String.class),
                        tags(r.get(4, String.class))));
            }
            id = mergedInto;
        }
        return Optional.empty();
    }

    private static final String FACTS =
            "select id, name, level, region, tags, merged_into from customers" + " where tenant_id = ? and id = ?";

    @Transactional(readOnly = true)
    PageResult<CustomerView> list(
            long tenantId, PageQuery page, @Nullable String q, @Nullable String level, @Nullable String tag) {
        Condition where = CUSTOMERS.TENANT_ID.eq(tenantId).and(CUSTOMERS.MERGED_INTO.isNull());
        if (q != null && !q.isBlank()) {
            String like = "%" + q.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "\\%") + "%";
            where = where.and(DSL.lower(CUSTOMERS.NAME)
                    .like(like)
                    .or(DSL.lower(CUSTOMERS.COMPANY).like(like))
                    .or(CUSTOMERS.PHONE.like(like)));
        }
        if (level != null && !level.isBlank()) {
            where = where.and(CUSTOMERS.LEVEL.eq(level));
        }
        if (tag != null && !tag.isBlank()) {
            where = where.and(CUSTOMERS.TAGS.like("%" + this.json.writeValueAsString(tag) + "%"));
        }
        var order = switch (page.sortKey()) {
            case "name" -> CUSTOMERS.NAME;
            case "updatedAt" -> CUSTOMERS.UPDATED_AT;
            default -> CUSTOMERS.CREATED_AT;
        };
        List<CustomersRecord> rows = this.db
                .selectFrom(CUSTOMERS)
                .where(where)
                .orderBy(page.ascending() ? order.asc() : order.desc(), CUSTOMERS.ID.asc())
                .limit(page.size())
                .offset(page.offset())
                .fetch();
        int total = this.db.fetchCount(CUSTOMERS, where);
        return new PageResult<>(views(tenantId, rows), page.page(), page.size(), total);
    }

    @Transactional(readOnly = true)
    CustomerView get(long tenantId, long id) {
        return view(row(tenantId, id));
    }

    @Override
    @Transactional
    public long findOrCreateByPhone(long tenantId, String phone, String name) {
        Long existing = this.db
                .select(CUSTOMERS.ID)
                .from(CUSTOMERS)
                .where(CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.PHONE.eq(phone), CUSTOMERS.MERGED_INTO.isNull())
                .orderBy(CUSTOMERS.ID)
                .limit(1)
                .fetchOne(CUSTOMERS.ID);
        return existing != null ? existing : insertContact(tenantId, name, phone);
    }

    @Override
    @Transactional
    public long createContact(long tenantId, String name) {
        return insertContact(tenantId, name, null);
    }

    private long insertContact(long tenantId, String name, @Nullable String phone) {
        String clipped = name.strip().isEmpty() ? (phone == null ? "-" : phone) : name.strip();
        clipped = clipped.length() > 100 ? clipped.substring(0, 100) : clipped;
        Instant now = this.clock.instant();
        long id = this.db
                .insertInto(CUSTOMERS)
                .set(CUSTOMERS.TENANT_ID, tenantId)
                .set(CUSTOMERS.NAME, clipped)
                .set(CUSTOMERS.LEVEL, "standard")
                .set(CUSTOMERS.TAGS, "[]")
                .set(CUSTOMERS.PHONE, phone)
                .set(CUSTOMERS.CREATED_AT, now)
                .set(CUSTOMERS.UPDATED_AT, now)
                .set(CUSTOMERS.VERSION, 0)
                .returningResult(CUSTOMERS.ID)
                .fetchSingle(CUSTOMERS.ID);
        this.audit.recordBySystem(tenantId, "customer.created", "customer", id, clipped);
        return id;
    }

    /**
     * The customer a WeCom external contact ({@code external_userid}) or group chat ({@code chat_id}) belongs to: the
     * sidebar opened in a chat asks who it is talking to.
     *
     * @param kind {@link #EXTERNAL} or {@link #GROUP}
     */
    @Transactional(readOnly = true)
    CustomerView byWeCom(long tenantId, String kind, String ref) {
        return this.db
                .select(CUSTOMER_LINKS.CUSTOMER_ID)
                .from(CUSTOMER_LINKS)
                .where(CUSTOMER_LINKS.TENANT_ID.eq(tenantId), CUSTOMER_LINKS.KIND.eq(kind), CUSTOMER_LINKS.REF.eq(ref))
                .fetchOptional(CUSTOMER_LINKS.CUSTOMER_ID)
                .flatMap(id -> live(tenantId, id))
                .map(this::view)
                .orElseThrow(() -> new NotFoundException("customer", ref));
    }

    @Transactional
    CustomerView create(long tenantId, CustomerCommand cmd) {
        Checked c = check(tenantId, cmd, null);
        Instant now = this.clock.instant();
        long id = this.db
                .insertInto(CUSTOMERS)
                .set(CUSTOMERS.TENANT_ID, tenantId)
                .set(CUSTOMERS.NAME, c.name())
                .set(CUSTOMERS.COMPANY, c.company())
                .set(CUSTOMERS.LEVEL, c.level())
                .set(CUSTOMERS.REGION, c.region())
                .set(CUSTOMERS.TAGS, this.json.writeValueAsString(c.tags()))
                .set(CUSTOMERS.PHONE, c.phone())
                .set(CUSTOMERS.OWNER_ID, cmd.ownerId())
                .set(CUSTOMERS.CREATED_AT, now)
                .set(CUSTOMERS.UPDATED_AT, now)
                .set(CUSTOMERS.VERSION, 0)
                .returningResult(CUSTOMERS.ID)
                .fetchSingle(CUSTOMERS.ID);
        links(tenantId, id, EXTERNAL, c.externalIds());
        links(tenantId, id, GROUP, c.groupChats());
        this.audit.record("customer.created", "customer", id, c.name());
        return get(tenantId, id);
    }

    @Transactional
    CustomerView update(long tenantId, long id, CustomerCommand cmd) {
        CustomersRecord current = row(tenantId, id);
        if (cmd.version() == null) {
            throw new ValidationException("version", "{validation.required}");
        }
        Checked c = check(tenantId, cmd, id);
        int updated = this.db
                .update(CUSTOMERS)
                .set(CUSTOMERS.NAME, c.name())
                .set(CUSTOMERS.COMPANY, c.company())
                .set(CUSTOMERS.LEVEL, c.level())
                .set(CUSTOMERS.REGION, c.region())
                .set(CUSTOMERS.TAGS, this.json.writeValueAsString(c.tags()))
                .set(CUSTOMERS.PHONE, c.phone())
                .set(CUSTOMERS.OWNER_ID, cmd.ownerId())
                .set(CUSTOMERS.UPDATED_AT, this.clock.instant())
                .set(CUSTOMERS.VERSION, CUSTOMERS.VERSION.plus(1))
                .where(CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.ID.eq(id), CUSTOMERS.VERSION.eq(cmd.version()))
                .execute();
        if (updated == 0) {
            throw new VersionConflictException("customer", id, current.getVersion());
        }
        if (cmd.wecomExternalIds() != null) {
            replaceLinks(tenantId, id, EXTERNAL, c.externalIds());
        }
        if (cmd.groupChatIds() != null) {
            replaceLinks(tenantId, id, GROUP, c.groupChats());
        }
        this.audit.record("customer.updated", "customer", id, c.name());
        return get(tenantId, id);
    }

    /**
     * Folds {@code duplicateId} into {@code survivorId}: the duplicate's WeCom links move over, its tags join the
     * survivor's, blank fields of the survivor are filled from it, and listeners move its tickets — all in one
     * transaction, guarded by both versions. The duplicate stays, marked, so old references still resolve.
     */
    @Transactional
    CustomerView merge(long tenantId, long survivorId, long duplicateId, int survivorVersion, int duplicateVersion) {
        if (survivorId == duplicateId) {
            throw new ValidationException("duplicateId", "{customer.merge-self}");
        }
        CustomersRecord survivor = row(tenantId, survivorId);
        CustomersRecord duplicate = row(tenantId, duplicateId);
        if (survivor.getVersion() != survivorVersion) {
            throw new VersionConflictException("customer", survivorId, survivor.getVersion());
        }
        if (duplicate.getVersion() != duplicateVersion) {
            throw new VersionConflictException("customer", duplicateId, duplicate.getVersion());
        }
        Set<String> tags = new LinkedHashSet<>(tags(survivor));
        tags.addAll(tags(duplicate));
        Instant now = this.clock.instant();
        int kept = this.db
                .update(CUSTOMERS)
                .set(CUSTOMERS.TAGS, this.json.writeValueAsString(List.copyOf(tags)))
                .set(CUSTOMERS.COMPANY, DSL.coalesce(CUSTOMERS.COMPANY, DSL.val(duplicate.getCompany())))
                .set(CUSTOMERS.REGION, DSL.coalesce(CUSTOMERS.REGION, DSL.val(duplicate.getRegion())))
                .set(CUSTOMERS.PHONE, DSL.coalesce(CUSTOMERS.PHONE, DSL.val(duplicate.getPhone())))
                .set(CUSTOMERS.OWNER_ID, DSL.coalesce(CUSTOMERS.OWNER_ID, DSL.val(duplicate.getOwnerId())))
                .set(CUSTOMERS.UPDATED_AT, now)
                .set(CUSTOMERS.VERSION, CUSTOMERS.VERSION.plus(1))
                .where(
                        CUSTOMERS.TENANT_ID.eq(tenantId),
                        CUSTOMERS.ID.eq(survivorId),
                        CUSTOMERS.VERSION.eq(survivorVersion))
                .execute();
        int folded = this.db
                .update(CUSTOMERS)
                .set(CUSTOMERS.MERGED_INTO, survivorId)
                .set(CUSTOMERS.UPDATED_AT, now)
                .set(CUSTOMERS.VERSION, CUSTOMERS.VERSION.plus(1))
                .where(
                        CUSTOMERS.TENANT_ID.eq(tenantId),
                        CUSTOMERS.ID.eq(duplicateId),
                        CUSTOMERS.VERSION.eq(duplicateVersion))
                .execute();
        if (kept == 0 || folded == 0) {
            // a concurrent edit slipped in between the read and the update: nothing of the merge stays
            throw new VersionConflictException("customer", kept == 0 ? survivorId : duplicateId, -1);
        }
        this.db
                .update(CUSTOMER_LINKS)
                .set(CUSTOMER_LINKS.CUSTOMER_ID, survivorId)
                .where(CUSTOMER_LINKS.TENANT_ID.eq(tenantId), CUSTOMER_LINKS.CUSTOMER_ID.eq(duplicateId))
                .execute();
        this.events.publishEvent(new CustomerMerged(tenantId, duplicateId, survivorId));
        this.audit.record(
                "customer.merged",
                "customer",
                survivorId,
                duplicate.getName() + " (#" + duplicateId + ") →  #" + survivorId);
        return get(tenantId, survivorId);
    }

    private record Checked(
            String name,
            @Nullable String company,
            String level,
            @Nullable String region,
            List<String> tags,
            @Nullable String phone,
            List<String> externalIds,
            List<String> groupChats) {}

    private Checked check(long tenantId, CustomerCommand cmd, @Nullable Long self) {
        List<FieldError> errors = new ArrayList<>();
        String name = strip(cmd.name());
        if (name == null) {
            errors.add(new FieldError("name", "{validation.required}"));
        } else if (name.length() > 100) {
            errors.add(new FieldError("name", "{customer.too-long}"));
        }
        String company = strip(cmd.company());
        if (company != null && company.length() > 200) {
            errors.add(new FieldError("company", "{customer.too-long}"));
        }
        String level = cmd.level() == null ? "standard" : cmd.level().strip().toLowerCase(java.util.Locale.ROOT);
        if (!LEVELS.contains(level)) {
            errors.add(new FieldError("level", "{customer.level}"));
        }
        String region = strip(cmd.region());
        if (region != null && region.length() > 64) {
            errors.add(new FieldError("region", "{customer.too-long}"));
        }
        List<String> tags = new ArrayList<>(new LinkedHashSet<>(
                cmd.tags() == null
                        ? List.of()
                        : cmd.tags().stream()
                                .map(Customers::strip)
                                .filter(t -> t != null)
                                .toList()));
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).length() > 32) {
                errors.add(new FieldError("tags[" + i + "]", "{customer.too-long}"));
            }
        }
        if (tags.size() > 30) {
            errors.add(new FieldError("tags", "{customer.too-many}"));
        }
        String phone = strip(cmd.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "{customer.phone}"));
        }
        if (cmd.ownerId() != null
                && !this.db.fetchExists(USERS, USERS.TENANT_ID.eq(tenantId), USERS.ID.eq(cmd.ownerId()))) {
            errors.add(new FieldError("ownerId", "{customer.owner-unknown}"));
        }
        List<String> external = refs(cmd.wecomExternalIds(), "wecomExternalIds", errors);
        List<String> groups = refs(cmd.groupChatIds(), "groupChatIds", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        taken(tenantId, EXTERNAL, external, self);
        taken(tenantId, GROUP, groups, self);
        return new Checked(name, company, level, region, tags, phone, external, groups);
    }

    private static List<String> refs(@Nullable List<String> refs, String field, List<FieldError> errors) {
        List<String> out = new ArrayList<>();
        if (refs == null) {
            return out;
        }
        for (int i = 0; i < refs.size(); i++) {
            String r = strip(refs.get(i));
            if (r == null || !REF.matcher(r).matches()) {
                errors.add(new FieldError(field + "[" + i + "]", "{customer.wecom-id}"));
            } else if (!out.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** A WeCom contact or group belongs to one customer: linking it to a second is a duplicate to merge, 409. */
    private void taken(long tenantId, String kind, List<String> refs, @Nullable Long self) {
        if (refs.isEmpty()) {
            return;
        }
        Condition where = CUSTOMER_LINKS
                .TENANT_ID
                .eq(tenantId)
                .and(CUSTOMER_LINKS.KIND.eq(kind))
                .and(CUSTOMER_LINKS.REF.in(refs));
        if (self != null) {
            where = where.and(CUSTOMER_LINKS.CUSTOMER_ID.ne(self));
        }
        var other = this.db
                .select(CUSTOMER_LINKS.REF, CUSTOMER_LINKS.CUSTOMER_ID)
                .from(CUSTOMER_LINKS)
                .where(where)
                .limit(1)
                .fetchOne();
        if (other != null) {
            throw new ConflictException("customer-wecom-taken", other.value1(), other.value2());
        }
    }

    private void links(long tenantId, long id, String kind, List<String> refs) {
        for (String ref : refs) {
            this.db
                    .insertInto(CUSTOMER_LINKS)
                    .set(CUSTOMER_LINKS.TENANT_ID, tenantId)
                    .set(CUSTOMER_LINKS.CUSTOMER_ID, id)
                    .set(CUSTOMER_LINKS.KIND, kind)
                    .set(CUSTOMER_LINKS.REF, ref)
                    .execute();
        }
    }

    /** Keeps the links that stay as they are (with what the WeCom sync knows of them), drops and adds the rest. */
    private void replaceLinks(long tenantId, long id, String kind, List<String> refs) {
        Condition own = CUSTOMER_LINKS
                .TENANT_ID
                .eq(tenantId)
                .and(CUSTOMER_LINKS.CUSTOMER_ID.eq(id))
                .and(CUSTOMER_LINKS.KIND.eq(kind));
        this.db
                .deleteFrom(CUSTOMER_LINKS)
                .where(refs.isEmpty() ? own : own.and(CUSTOMER_LINKS.REF.notIn(refs)))
                .execute();
        List<String> kept = this.db
                .select(CUSTOMER_LINKS.REF)
                .from(CUSTOMER_LINKS)
                .where(own)
                .fetch(CUSTOMER_LINKS.REF);
        links(tenantId, id, kind, refs.stream().filter(r -> !kept.contains(r)).toList());
    }

    private CustomersRecord row(long tenantId, long id) {
        CustomersRecord r = this.db.fetchOne(CUSTOMERS, CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.ID.eq(id));
        if (r == null) {
            throw new NotFoundException("customer", id);
        }
        return r;
    }

    /** The customer, or the one it was merged into (merges may chain). */
    private Optional<CustomersRecord> live(long tenantId, long id) {
        CustomersRecord r = this.db.fetchOne(CUSTOMERS, CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.ID.eq(id));
        for (int hops = 0; r != null && r.getMergedInto() != null && hops < 10; hops++) {
            r = this.db.fetchOne(CUSTOMERS, CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.ID.eq(r.getMergedInto()));
        }
        return Optional.ofNullable(r);
    }

    private CustomerView view(CustomersRecord r) {
        return views(r.getTenantId(), List.of(r)).getFirst();
    }

    /** The rows as views, with their links and possible duplicates read in one query each for the whole page. */
    private List<CustomerView> views(long tenantId, List<CustomersRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(CustomersRecord::getId).toList();
        Map<Long, Map<String, List<String>>> links = new java.util.HashMap<>();
        Map<Long, List<CustomerView.WeComLink>> details = new java.util.HashMap<>();
        this.db
                .select(
                        CUSTOMER_LINKS.CUSTOMER_ID,
                        CUSTOMER_LINKS.KIND,
                        CUSTOMER_LINKS.REF,
                        CUSTOMER_LINKS.NAME,
                        CUSTOMER_LINKS.REMOVED_AT)
                .from(CUSTOMER_LINKS)
                .where(CUSTOMER_LINKS.TENANT_ID.eq(tenantId), CUSTOMER_LINKS.CUSTOMER_ID.in(ids))
                .orderBy(CUSTOMER_LINKS.REF)
                .forEach(l -> {
                    links.computeIfAbsent(l.value1(), k -> new java.util.HashMap<>())
                            .computeIfAbsent(l.value2(), k -> new ArrayList<>())
                            .add(l.value3());
                    details.computeIfAbsent(l.value1(), k -> new ArrayList<>())
                            .add(new CustomerView.WeComLink(
                                    l.value2().equals(GROUP) ? "group_chat" : "external_contact",
                                    l.value3(),
                                    l.value4(),
                                    l.value5()));
                });
        List<String> phones = rows.stream()
                .map(CustomersRecord::getPhone)
                .filter(p -> p != null)
                .distinct()
                .toList();
        Map<String, List<Long>> byPhone = phones.isEmpty()
                ? Map.of()
                : this.db
                        .select(CUSTOMERS.PHONE, CUSTOMERS.ID)
                        .from(CUSTOMERS)
                        .where(
                                CUSTOMERS.TENANT_ID.eq(tenantId),
                                CUSTOMERS.PHONE.in(phones),
                                CUSTOMERS.MERGED_INTO.isNull())
                        .orderBy(CUSTOMERS.ID.desc())
                        .fetchGroups(CUSTOMERS.PHONE, CUSTOMERS.ID);
        return rows.stream()
                .map(r -> {
                    Map<String, List<String>> own = links.getOrDefault(r.getId(), Map.of());
                    List<Long> duplicates = r.getPhone() == null
                            ? List.of()
                            : byPhone.getOrDefault(r.getPhone(), List.of()).stream()
                                    .filter(id -> id != r.getId().longValue())
                                    .limit(20)
                                    .toList();
                    return new CustomerView(
                            r.getId(),
                            r.getName(),
                            r.getCompany(),
                            r.getLevel(),
                            r.getRegion(),
                            tags(r),
                            r.getPhone(),
                            r.getOwnerId(),
                            own.getOrDefault(EXTERNAL, List.of()),
                            own.getOrDefault(GROUP, List.of()),
                            details.getOrDefault(r.getId(), List.of()),
                            duplicates,
                            r.getCreatedAt(),
                            r.getUpdatedAt(),
                            r.getVersion());
                })
                .toList();
    }

    private List<String> tags(CustomersRecord r) {
        return tags(r.getTags());
    }

    private List<String> tags(String json) {
        return this.json.readValue(json, STRINGS);
    }

    private static @Nullable String strip(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
