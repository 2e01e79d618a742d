package dev.baton.notify.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.FieldError;
import dev.baton.platform.ValidationException;
import dev.baton.ticket.TicketOperations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Message templates per event and channel, and their preview; all of it needs {@code notify.manage}. */
@RestController
@RequestMapping("/api/v1/notification-templates")
@PreAuthorize("hasAuthority('notify.manage')")
class NotificationTemplateController {

    /** What a preview without a ticket shows for each variable. */
    static final Map<String, String> SAMPLE = Map.ofEntries(
            Map.entry("ticket.id", "1"),
            Map.entry("ticket.number", "GD20261001-0001"),
            Map.entry("ticket.title", "空调不制冷"),
            Map.entry("ticket.priority", "high"),
            Map.entry("ticket.status", "in_progress"),
            Map.entry("link", "http://localhost:8080/tickets/1"),
            Map.entry("node.id", "handle"),
            Map.entry("node.name", "受理"),
            Map.entry("sla.metric", "解决时效"),
            Map.entry("sla.dueAt", "2026-10-08 10:00"),
            Map.entry("pool.waitedMinutes", "30"),
            Map.entry("automation.message", "已为您安排上门服务"),
            Map.entry("actor.name", "张三"),
            Map.entry("recipient.name", "李四"));

    private final NotificationTemplates templates;
    private final TemplateChecks checks;
    private final TicketFacts facts;
    private final TicketOperations tickets;

    NotificationTemplateController(
            NotificationTemplates templates, TemplateChecks checks, TicketFacts facts, TicketOperations tickets) {
        this.templates = templates;
        this.checks = checks;
        this.facts = facts;
        this.tickets = tickets;
    }

    @GetMapping
    List<NotificationTemplates.View> list() {
        return this.templates.list(CurrentUser.require().tenantId());
    }

    @GetMapping("/{id}")
    NotificationTemplates.View get(@PathVariable long id) {
        return this.templates.get(CurrentUser.require().tenantId(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    NotificationTemplates.View create(@RequestBody Body body) {
        return this.templates.create(CurrentUser.require().tenantId(), body.command());
    }

    @PutMapping("/{id}")
    NotificationTemplates.View update(@PathVariable long id, @RequestBody Body body) {
        if (body.version() == null) {
            throw new ValidationException("version", "{notify.version.required}");
        }
        return this.templates.update(CurrentUser.require().tenantId(), id, body.command());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        this.templates.delete(CurrentUser.require().tenantId(), id);
    }

    /**
     * Renders a subject and body — given, or the tenant's template for {@code event} and {@code channel} — with
     * sample values, or with a ticket's own when {@code ticketId} names one the caller sees.
     */
    @PostMapping("/preview")
    Map<String, String> preview(@RequestBody Preview body) {
        CurrentUser me = CurrentUser.require();
        String subject = body.subject();
        String text = body.body();
        if (subject == null || text == null) {
            if (body.event() == null || !Events.known(body.event())) {
                throw new ValidationException("event", "{notify.event.unknown}");
            }
            Channel channel = Channel.ofCode(body.channel() == null ? "" : body.channel())
                    .filter(Channel.PERSONAL::contains)
                    .orElseThrow(() -> new ValidationException("channel", "{notify.channel.unknown}"));
            DefaultTemplates.Text stored = this.templates.text(me.tenantId(), body.event(), channel);
            subject = subject == null ? stored.subject() : subject;
            text = text == null ? stored.body() : text;
        }
        List<FieldError> errors = new ArrayList<>();
        this.checks.text("subject", subject, 500, errors);
        this.checks.text("body", text, 4000, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Map<String, String> values = new HashMap<>(SAMPLE);
        if (body.ticketId() != null) {
            this.tickets.get(me, body.ticketId());
            this.facts.variables(me.tenantId(), body.ticketId()).ifPresent(values::putAll);
        }
        values.put("recipient.name", me.name());
        return Map.of("subject", TemplateText.render(subject, values), "body", TemplateText.render(text, values));
    }

    record Body(
            @Nullable String event,
            @Nullable String channel,
            @Nullable String subject,
            @Nullable String body,
            @Nullable Integer version) {

        NotificationTemplates.Command command() {
            return new NotificationTemplates.Command(
                    this.event, this.channel, this.subject, this.body, this.version == null ? 0 : this.version);
        }
    }

    record Preview(
            @Nullable String event,
            @Nullable String channel,
            @Nullable String subject,
            @Nullable String body,
            @Nullable Long ticketId) {}
}
