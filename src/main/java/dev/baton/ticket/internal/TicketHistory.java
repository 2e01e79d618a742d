package dev.baton.ticket.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.template.FieldAccess;
import dev.baton.template.FieldDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private final TicketService tickets;
    private final TicketAccess access;
    private final ProgressReader progress;
    private final JsonMapper json;

    TicketHistory(TicketService tickets, TicketAccess access, ProgressReader progress, JsonMapper json) {
        this.tickets = tickets;
        this.access = access;
        this.progress = progress;
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

    @Transactional(readOnly = true)
    List<EventView> events(CurrentUser me, long ticketId) {
        Loaded t = this.tickets.visible(this.access.caller(me), ticketId);
        List<FieldDefinition> defs = this.tickets.fields(t.row());
        Set<String> hidden = new java.util.HashSet<>();
        defs.stream().filter(d -> !FieldAccess.canSee(d, me.roleCodes())).forEach(d -> hidden.add(d.key()));
        return this.progress.rows(me.tenantId(), ticketId).stream()
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
    ProgressReader.Progress progress(CurrentUser me, long ticketId) {
        return this.progress.read(this.tickets.visible(this.access.caller(me), ticketId));
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
