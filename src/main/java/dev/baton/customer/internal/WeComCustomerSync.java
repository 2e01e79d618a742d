package dev.baton.customer.internal;

import static dev.baton.platform.db.Tables.CUSTOMERS;
import static dev.baton.platform.db.Tables.CUSTOMER_LINKS;
import static dev.baton.platform.db.Tables.USERS;

import dev.baton.customer.CustomerSync;
import dev.baton.platform.AuditTrail;
import dev.baton.platform.db.tables.records.CustomerLinksRecord;
import dev.baton.platform.db.tables.records.CustomersRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link CustomerSync} over {@code customers} and {@code customer_links}: each link keeps the WeCom facts last applied
 * ({@code synced}), and a sync writes to the customer only the facts whose WeCom value moved since then (see the
 * interface). Audited as Baton itself ({@code customer.created}, {@code customer.synced}, {@code customer.unlinked}).
 */
@Service
class WeComCustomerSync implements CustomerSync {

    private static final int MAX_TAGS = 30;

    private final DSLContext db;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    WeComCustomerSync(DSLContext db, JsonMapper json, AuditTrail audit, Clock clock) {
        this.db = db;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    /** The WeCom facts a link last carried to its customer; {@code own} marks a customer made for a group chat. */
    record Synced(
            String name, @Nullable String company, @Nullable String phone, List<String> tags, boolean own) {}

    @Override
    @Transactional
    public Change contact(long tenantId, Contact contact, long run) {
        Synced now = new Synced(
                clip(
                        contact.name().strip().isEmpty()
                                ? contact.externalUserId()
                                : contact.name().strip(),
                        100),
                blankToNull(clip(contact.company(), 200)),
                contact.phone() != null
                                && Customers.PHONE.matcher(contact.phone()).matches()
                        ? contact.phone()
                        : null,
                cleanTags(contact.tags()),
                false);
        CustomerLinksRecord link = link(tenantId, Customers.EXTERNAL, contact.externalUserId());
        if (link == null) {
            long id = insertCustomer(tenantId, now, owner(tenantId, contact.followers()));
            insertLink(tenantId, id, Customers.EXTERNAL, contact.externalUserId(), now, run);
            this.audit.recordBySystem(tenantId, "customer.created", "customer", id, "WeCom: " + now.name());
            return Change.CREATED;
        }
        CustomersRecord customer = live(tenantId, link.getCustomerId());
        Synced before = link.getSynced() == null ? null : this.json.readValue(link.getSynced(), Synced.class);
        List<String> tags = tags(customer);
        String name = customer.getName();
        String company = customer.getCompany();
        String phone = customer.getPhone();
        List<String> newTags;
        if (before == null) {
            // linked by hand before any sync: WeCom fills what Baton left blank
            company = company == null ? now.company() : company;
            phone = phone == null ? now.phone() : phone;
            Set<String> union = new LinkedHashSet<>(tags);
            union.addAll(now.tags());
            newTags = List.copyOf(union);
        } else {
            name = Objects.equals(before.name(), now.name()) ? name : now.name();
            company = Objects.equals(before.company(), now.company()) ? company : now.company();
            phone = Objects.equals(before.phone(), now.phone()) ? phone : now.phone();
            Set<String> merged = new LinkedHashSet<>(tags);
            before.tags().stream().filter(t -> !now.tags().contains(t)).forEach(merged::remove);
            now.tags().stream().filter(t -> !before.tags().contains(t)).forEach(merged::add);
            newTags = List.copyOf(merged);
        }
        newTags = newTags.size() > MAX_TAGS ? newTags.subList(0, MAX_TAGS) : newTags;
        Long owner = customer.getOwnerId() != null ? customer.getOwnerId() : owner(tenantId, contact.followers());
        List<String> changed = new ArrayList<>();
        note(changed, "name", customer.getName(), name);
        note(changed, "company", customer.getCompany(), company);
        note(changed, "phone", customer.getPhone(), phone);
        note(changed, "tags", tags, newTags);
        note(changed, "owner", customer.getOwnerId(), owner);
        if (!changed.isEmpty()) {
            this.db
                    .update(CUSTOMERS)
                    .set(CUSTOMERS.NAME, name)
                    .set(CUSTOMERS.COMPANY, company)
                    .set(CUSTOMERS.PHONE, phone)
                    .set(CUSTOMERS.TAGS, this.json.writeValueAsString(newTags))
                    .set(CUSTOMERS.OWNER_ID, owner)
                    .set(CUSTOMERS.UPDATED_AT, this.clock.instant())
                    .set(CUSTOMERS.VERSION, CUSTOMERS.VERSION.plus(1))
                    .where(CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.ID.eq(customer.getId()))
                    .execute();
        }
        boolean relinked = link.getRemovedAt() != null;
        if (relinked) {
            changed.add("linked again");
        }
        boolean linkChanged = refreshLink(link, now, run);
        if (!changed.isEmpty()) {
            this.audit.recordBySystem(
                    tenantId,
                    "customer.synced",
                    "customer",
                    customer.getId(),
                    "WeCom " + contact.externalUserId() + ": " + String.join(", ", changed));
        }
        return !changed.isEmpty() || linkChanged ? Change.UPDATED : Change.UNCHANGED;
    }

    @Override
    @Transactional
    public Change contactGone(long tenantId, String externalUserId) {
        return gone(tenantId, Customers.EXTERNAL, externalUserId);
    }

    @Override
    @Transactional
    public Change groupChat(long tenantId, GroupChat chat, long run) {
        String chatName = clip(
                chat.name().strip().isEmpty()
                        ? "客户群 " + chat.chatId()
                        : chat.name().strip(),
                100);
        CustomerLinksRecord link = link(tenantId, Customers.GROUP, chat.chatId());
        if (link != null) {
            Synced before = link.getSynced() == null ? null : this.json.readValue(link.getSynced(), Synced.class);
            boolean own = before != null && before.own();
            Synced now = new Synced(chatName, null, null, List.of(), own);
            CustomersRecord customer = live(tenantId, link.getCustomerId());
            boolean renamed = own && !before.name().equals(chatName);
            if (renamed) {
                // a customer made for the chat follows the chat's name; a real customer keeps its own
                this.db
                        .update(CUSTOMERS)
                        .set(CUSTOMERS.NAME, chatName)
                        .set(CUSTOMERS.UPDATED_AT, this.clock.instant())
                        .set(CUSTOMERS.VERSION, CUSTOMERS.VERSION.plus(1))
                        .where(CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.ID.eq(customer.getId()))
                        .execute();
            }
            boolean relinked = link.getRemovedAt() != null;
            boolean linkChanged = refreshLink(link, now, run);
            if (renamed || relinked) {
                this.audit.recordBySystem(
                        tenantId,
                        "customer.synced",
                        "customer",
                        customer.getId(),
                        "WeCom group " + chat.chatId() + ": " + (renamed ? "name" : "linked again"));
            }
            return renamed || linkChanged ? Change.UPDATED : Change.UNCHANGED;
        }
        List<Long> members = chat.externalMembers().isEmpty()
                ? List.of()
                : this.db
                        .selectDistinct(CUSTOMER_LINKS.CUSTOMER_ID)
                        .from(CUSTOMER_LINKS)
                        .where(
                                CUSTOMER_LINKS.TENANT_ID.eq(tenantId),
                                CUSTOMER_LINKS.KIND.eq(Customers.EXTERNAL),
                                CUSTOMER_LINKS.REF.in(chat.externalMembers()),
                                CUSTOMER_LINKS.REMOVED_AT.isNull())
                        .fetch(CUSTOMER_LINKS.CUSTOMER_ID);
        if (members.size() == 1) {
            long id = live(tenantId, members.getFirst()).getId();
            insertLink(
                    tenantId,
                    id,
                    Customers.GROUP,
                    chat.chatId(),
                    new Synced(chatName, null, null, List.of(), false),
                    run);
            this.audit.recordBySystem(
                    tenantId,
                    "customer.synced",
                    "customer",
                    id,
                    "WeCom group " + chat.chatId() + " linked: " + chatName);
            return Change.UPDATED;
        }
        Synced own = new Synced(chatName, null, null, List.of(), true);
        long id = insertCustomer(
                tenantId, own, owner(tenantId, chat.owner() == null ? List.of() : List.of(chat.owner())));
        insertLink(tenantId, id, Customers.GROUP, chat.chatId(), own, run);
        this.audit.recordBySystem(tenantId, "customer.created", "customer", id, "WeCom group: " + chatName);
        return Change.CREATED;
    }

    @Override
    @Transactional
    public Change groupChatGone(long tenantId, String chatId) {
        return gone(tenantId, Customers.GROUP, chatId);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean contactSeen(long tenantId, String externalUserId, long run) {
        return this.db.fetchExists(
                CUSTOMER_LINKS,
                CUSTOMER_LINKS.TENANT_ID.eq(tenantId),
                CUSTOMER_LINKS.KIND.eq(Customers.EXTERNAL),
                CUSTOMER_LINKS.REF.eq(externalUserId),
                CUSTOMER_LINKS.SYNC_RUN.eq(run));
    }

    @Override
    @Transactional
    public int sweep(long tenantId, long run) {
        var unseen = this.db
                .selectFrom(CUSTOMER_LINKS)
                .where(
                        CUSTOMER_LINKS.TENANT_ID.eq(tenantId),
                        CUSTOMER_LINKS.KIND.in(Customers.EXTERNAL, Customers.GROUP),
                        CUSTOMER_LINKS.REMOVED_AT.isNull(),
                        CUSTOMER_LINKS.SYNC_RUN.isNull().or(CUSTOMER_LINKS.SYNC_RUN.ne(run)))
                .fetch();
        for (var link : unseen) {
            gone(tenantId, link.getKind(), link.getRef());
        }
        return unseen.size();
    }

    private Change gone(long tenantId, String kind, String ref) {
        CustomerLinksRecord link = link(tenantId, kind, ref);
        if (link == null || link.getRemovedAt() != null) {
            return Change.UNCHANGED;
        }
        this.db
                .update(CUSTOMER_LINKS)
                .set(CUSTOMER_LINKS.REMOVED_AT, this.clock.instant())
                .where(CUSTOMER_LINKS.TENANT_ID.eq(tenantId), CUSTOMER_LINKS.KIND.eq(kind), CUSTOMER_LINKS.REF.eq(ref))
                .execute();
        this.audit.recordBySystem(
                tenantId,
                "customer.unlinked",
                "customer",
                link.getCustomerId(),
                (kind.equals(Customers.GROUP) ? "WeCom group " : "WeCom contact ") + ref + " removed in WeCom");
        return Change.UNLINKED;
    }

    /** Writes the link's name, facts, run and presence when one of them moved; whether anything but the run did. */
    private boolean refreshLink(CustomerLinksRecord link, Synced now, long run) {
        String synced = this.json.writeValueAsString(now);
        boolean changed =
                !synced.equals(link.getSynced()) || !now.name().equals(link.getName()) || link.getRemovedAt() != null;
        boolean marked = run > 0 && !Long.valueOf(run).equals(link.getSyncRun());
        if (changed || marked) {
            this.db
                    .update(CUSTOMER_LINKS)
                    .set(CUSTOMER_LINKS.NAME, now.name())
                    .set(CUSTOMER_LINKS.SYNCED, synced)
                    .set(CUSTOMER_LINKS.REMOVED_AT, (Instant) null)
                    .set(CUSTOMER_LINKS.SYNC_RUN, run > 0 ? Long.valueOf(run) : link.getSyncRun())
                    .where(
                            CUSTOMER_LINKS.TENANT_ID.eq(link.getTenantId()),
                            CUSTOMER_LINKS.KIND.eq(link.getKind()),
                            CUSTOMER_LINKS.REF.eq(link.getRef()))
                    .execute();
        }
        return changed;
    }

    private long insertCustomer(long tenantId, Synced facts, @Nullable Long owner) {
        Instant now = this.clock.instant();
        return this.db
                .insertInto(CUSTOMERS)
                .set(CUSTOMERS.TENANT_ID, tenantId)
                .set(CUSTOMERS.NAME, facts.name())
                .set(CUSTOMERS.COMPANY, facts.company())
                .set(CUSTOMERS.LEVEL, "standard")
                .set(CUSTOMERS.TAGS, this.json.writeValueAsString(facts.tags()))
                .set(CUSTOMERS.PHONE, facts.phone())
                .set(CUSTOMERS.OWNER_ID, owner)
                .set(CUSTOMERS.CREATED_AT, now)
                .set(CUSTOMERS.UPDATED_AT, now)
                .set(CUSTOMERS.VERSION, 0)
                .returningResult(CUSTOMERS.ID)
                .fetchSingle(CUSTOMERS.ID);
    }

    private void insertLink(long tenantId, long customerId, String kind, String ref, Synced facts, long run) {
        this.db
                .insertInto(CUSTOMER_LINKS)
                .set(CUSTOMER_LINKS.TENANT_ID, tenantId)
                .set(CUSTOMER_LINKS.CUSTOMER_ID, customerId)
                .set(CUSTOMER_LINKS.KIND, kind)
                .set(CUSTOMER_LINKS.REF, ref)
                .set(CUSTOMER_LINKS.NAME, facts.name())
                .set(CUSTOMER_LINKS.SYNCED, this.json.writeValueAsString(facts))
                .set(CUSTOMER_LINKS.SYNC_RUN, run > 0 ? Long.valueOf(run) : null)
                .execute();
    }

    /** The first of these WeCom users who is an active Baton user of the tenant. */
    private @Nullable Long owner(long tenantId, List<String> weComUserIds) {
        if (weComUserIds.isEmpty()) {
            return null;
        }
        var found = this.db
                .select(USERS.WECOM_USER_ID, USERS.ID)
                .from(USERS)
                .where(USERS.TENANT_ID.eq(tenantId), USERS.WECOM_USER_ID.in(weComUserIds), USERS.ACTIVE.isTrue())
                .fetchMap(USERS.WECOM_USER_ID, USERS.ID);
        return weComUserIds.stream()
                .map(found::get)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private @Nullable CustomerLinksRecord link(long tenantId, String kind, String ref) {
        return this.db.fetchOne(
                CUSTOMER_LINKS,
                CUSTOMER_LINKS.TENANT_ID.eq(tenantId),
                CUSTOMER_LINKS.KIND.eq(kind),
                CUSTOMER_LINKS.REF.eq(ref));
    }

    /** The customer, or the one it was merged into (a merge moves links, so this is a guard). */
    private CustomersRecord live(long tenantId, long id) {
        CustomersRecord r = this.db.fetchSingle(CUSTOMERS, CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.ID.eq(id));
        for (int hops = 0; r.getMergedInto() != null && hops < 10; hops++) {
            r = this.db.fetchSingle(CUSTOMERS, CUSTOMERS.TENANT_ID.eq(tenantId), CUSTOMERS.ID.eq(r.getMergedInto()));
        }
        return r;
    }

    private List<String> tags(CustomersRecord r) {
        return List.of(this.json.readValue(r.getTags(), String[].class));
    }

    private static List<String> cleanTags(List<String> tags) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : tags) {
            String s = clip(t == null ? null : t.strip(), 32);
            if (s != null && !s.isEmpty()) {
                out.add(s);
            }
        }
        return out.stream().limit(MAX_TAGS).toList();
    }

    private static void note(List<String> changed, String field, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static @Nullable String clip(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
