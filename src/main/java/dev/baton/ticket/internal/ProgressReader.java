package dev.baton.ticket.internal;

import static dev.baton.platform.db.Tables.TICKET_EVENTS;

import dev.baton.flow.CustomerStatus;
import dev.baton.platform.db.tables.records.TicketEventsRecord;
import dev.baton.ticket.CustomerProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer-visible side of a ticket's history, shared by the staff's progress view and the customer's own page:
 * the six steps (labelled by the template, blank where it names none) and the public timeline.
 */
@Component
class ProgressReader {

    private final DSLContext db;
    private final TemplateCache templates;
    private final JsonMapper json;

    ProgressReader(DSLContext db, TemplateCache templates, JsonMapper json) {
        this.db = db;
        this.templates = templates;
        this.json = json;
    }

    /** What the customer sees of a ticket, from its row and its event log. */
    record Progress(
            String number,
            String title,
            String customerStatus,
            List<CustomerProgress.Step> steps,
            List<CustomerProgress.Entry> timeline) {}

    Progress read(Loaded t) {
        long tenant = t.row().getTenantId();
        Map<String, String> labels = this.templates
                .header(tenant, t.row().getTemplateId())
                .map(h -> h.statusNames())
                .orElse(Map.of());
        CustomerStatus current =
                CustomerStatus.valueOf(t.row().getCustomerStatus().toUpperCase(Locale.ROOT));
        List<CustomerProgress.Step> steps = new ArrayList<>();
        for (CustomerStatus s : CustomerStatus.values()) {
            steps.add(new CustomerProgress.Step(
                    s.code(), labels.getOrDefault(s.code(), ""), s.ordinal() <= current.ordinal(), s == current));
        }
        List<CustomerProgress.Entry> timeline = new ArrayList<>();
        for (TicketEventsRecord r : rows(tenant, t.row().getId())) {
            if (r.getTicketVersion() == 0) {
                timeline.add(new CustomerProgress.Entry("submitted", null, r.getCreatedAt()));
            } else if ("public".equals(r.getVisibility())) {
                timeline.add(new CustomerProgress.Entry(
                        r.getAction(), r.getBody() == null ? null : RichText.sanitize(r.getBody()), r.getCreatedAt()));
            } else if (r.getChanges() != null && r.getChanges().contains("\"customerStatus\"")) {
                JsonNode pair = this.json.readTree(r.getChanges()).path("customerStatus");
                timeline.add(new CustomerProgress.Entry("status:" + pair.path(1).asString(), null, r.getCreatedAt()));
            }
        }
        return new Progress(t.row().getNumber(), t.row().getTitle(), current.code(), steps, timeline);
    }

    /** The ticket's event log, oldest first. */
    List<TicketEventsRecord> rows(long tenantId, long ticketId) {
        return this.db
                .selectFrom(TICKET_EVENTS)
                .where(TICKET_EVENTS.TENANT_ID.eq(tenantId), TICKET_EVENTS.TICKET_ID.eq(ticketId))
                .orderBy(TICKET_EVENTS.TICKET_VERSION)
                .limit(5_000)
                .fetch();
    }
}
