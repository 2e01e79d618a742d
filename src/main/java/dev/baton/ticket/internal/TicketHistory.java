package dev.baton.ticket.internal;

import static dev.baton.platform.db.Tables.TICKET_EVENTS;

import dev.baton.flow.CustomerStatus;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.db.tables.records.TicketEventsRecord;
import dev.baton.template.FieldAccess;
import dev.baton.template.FieldDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading a ticket's append-only history: the full log for staff (with changes to fields they may not
 * see left out), and the customer's public timeline with the six progress steps.
 */
@Service
class TicketHistory {

    private final DSLContext db;
    private final TicketService tickets;
    private final TicketAccess access;
    private final TemplateCache templates;
    private final JsonMapper json;

    TicketHistory(DSLContext db, TicketService tickets, TicketAccess access, TemplateCache templates, JsonMapper json) {
        this.db = db;
        this.tickets = tickets;
        this.access = access;
        this.templates = templates;
        this.json = json;
    }

    /** One entry of the history. Bodies are sanitised again on the way out, in case an old row predates a rule. */
    record EventView(
            long id,
            int ticketVersion,
            String action,
            @Nullable Long actorId,
            @Nullable String nodeId,
            @Nullable JsonNode changes,
            @Nullable String body,
            String visibility,
            Instant createdAt) {}

    /** One of the six customer-visible steps; {@code reached} for the current step and those before it. */
    record Step(String code, String label, boolean reached, boolean current) {}

    record PublicEntry(String kind, @Nullable String body, Instant at) {}

    record Progress(String number, String title, String customerStatus, List<Step> steps, List<PublicEntry> timeline) {}

    @Transactional(readOnly = true)
    List<EventView> events(CurrentUser me, long ticketId) {
        Loaded t = this.tickets.visible(this.access.caller(me), ticketId);
        List<FieldDefinition> defs = this.tickets.fields(t.row());
        Set<String> hidden = new java.util.HashSet<>();
        defs.stream().filter(d -> !FieldAccess.canSee(d, me.roleCodes())).forEach(d -> hidden.add(d.key()));
        return rows(me.tenantId(), ticketId).stream()
                .map(r -> new EventView(
                        r.getId(),
                        r.getTicketVersion(),
                        r.getAction(),
                        r.getActorId(),
                        r.getNodeId(),
                        changes(r.getChanges(), hidden),
                        r.getBody() == null ? null : RichText.sanitize(r.getBody()),
                        r.getVisibility(),
                        r.getCreatedAt()))
                .toList();
    }

    @Transactional(readOnly = true)
    Progress progress(CurrentUser me, long ticketId) {
        Loaded t = this.tickets.visible(this.access.caller(me), ticketId);
        Map<String, String> labels = this.templates
                .header(me.tenantId(), t.row().getTemplateId())
                .map(h -> h.statusNames())
                .orElse(Map.of());
        CustomerStatus current =
                CustomerStatus.valueOf(t.row().getCustomerStatus().toUpperCase(java.util.Locale.ROOT));
        List<Step> steps = new ArrayList<>();
        for (CustomerStatus s : CustomerStatus.values()) {
            steps.add(new Step(
                    s.code(), labels.getOrDefault(s.code(), ""), s.ordinal() <= current.ordinal(), s == current));
        }
        List<PublicEntry> timeline = new ArrayList<>();
        for (TicketEventsRecord r : rows(me.tenantId(), ticketId)) {
            if (r.getTicketVersion() == 0) {
                timeline.add(new PublicEntry("submitted", null, r.getCreatedAt()));
            } else if ("public".equals(r.getVisibility())) {
                timeline.add(new PublicEntry(
                        r.getAction(), r.getBody() == null ? null : RichText.sanitize(r.getBody()), r.getCreatedAt()));
            } else if (r.getChanges() != null && r.getChanges().contains("\"customerStatus\"")) {
                JsonNode pair = this.json.readTree(r.getChanges()).path("customerStatus");
                timeline.add(new PublicEntry("status:" + pair.path(1).asString(), null, r.getCreatedAt()));
            }
        }
        return new Progress(t.row().getNumber(), t.row().getTitle(), current.code(), steps, timeline);
    }

    private List<TicketEventsRecord> rows(long tenantId, long ticketId) {
        return this.db
                .selectFrom(TICKET_EVENTS)
                .where(TICKET_EVENTS.TENANT_ID.eq(tenantId), TICKET_EVENTS.TICKET_ID.eq(ticketId))
                .orderBy(TICKET_EVENTS.TICKET_VERSION)
                .limit(5_000)
                .fetch();
    }

    private @Nullable JsonNode changes(@Nullable String text, Set<String> hidden) {
        if (text == null) {
            return null;
        }
        JsonNode node = this.json.readTree(text);
        if (!hidden.isEmpty() && node.path("fields") instanceof ObjectNode fields) {
            Map<String, JsonNode> kept = new LinkedHashMap<>();
            fields.properties().forEach(e -> {
                if (!hidden.contains(e.getKey())) {
                    kept.put(e.getKey(), e.getValue());
                }
            });
            fields.removeAll();
            fields.setAll(kept);
        }
        return node;
    }
}
