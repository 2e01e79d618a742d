package dev.baton.intake.internal;

import static dev.baton.platform.db.Tables.INTAKE_EMAIL_MESSAGES;
import static dev.baton.platform.db.Tables.INTAKE_EMAIL_SENDERS;

import dev.baton.customer.CustomerIntake;
import dev.baton.platform.FieldError;
import dev.baton.platform.ValidationException;
import dev.baton.platform.db.tables.records.IntakeChannelsRecord;
import dev.baton.portal.ProgressLinks;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldType;
import dev.baton.template.TemplateCatalog;
import dev.baton.ticket.ActionRequest;
import dev.baton.ticket.NewTicket;
import dev.baton.ticket.TicketAction;
import dev.baton.ticket.TicketOperations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Inbound mail (a mail provider's webhook) turned into tickets: the sender is a customer found by address or
 * created, and a reply whose subject quotes the number of a ticket of that same customer ({@code [GD20261202-0001]})
 * becomes a customer-visible comment on it instead of a new ticket. Idempotent by Message-ID: a redelivered
 * webhook answers with what the first delivery did.
 */
@Service
class EmailIntake {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,255}");
    private static final Pattern QUOTED_NUMBER = Pattern.compile("\\[(GD\\d{8}-\\d{4,})]");
    private static final int MAX_BODY = 100_000;

    private final Channels channels;
    private final TemplateCatalog templates;
    private final CustomerIntake customers;
    private final TicketOperations tickets;
    private final ProgressLinks links;
    private final DSLContext db;
    private final Clock clock;

    EmailIntake(
            Channels channels,
            TemplateCatalog templates,
            CustomerIntake customers,
            TicketOperations tickets,
            ProgressLinks links,
            DSLContext db,
            Clock clock) {
        this.channels = channels;
        this.templates = templates;
        this.customers = customers;
        this.tickets = tickets;
        this.links = links;
        this.db = db;
        this.clock = clock;
    }

    record Mail(
            @Nullable String channel,
            @Nullable String messageId,
            @Nullable String from,
            @Nullable String fromName,
            @Nullable String subject,
            @Nullable String text,
            @Nullable String html) {}

    /**
     * @param outcome {@code ticket} (a new ticket) or {@code comment} (a reply on {@code number})
     * @param progressUrl the sender's signed link to the ticket's progress page ({@code /p/<token>}), for the mail
     *     relay's acknowledgement; issued afresh on every answer
     */
    record Received(
            String number,
            String outcome,
            boolean replayed,
            @Nullable String progressUrl) {}

    /** What was done to which ticket, before the link is added. */
    private record Done(String number, @Nullable Long ticketId, String outcome) {}

    Received receive(long tenantId, Mail mail) {
        List<FieldError> errors = new ArrayList<>();
        IntakeChannelsRecord channel = mail.channel() == null
                ? null
                : this.channels
                        .enabled(tenantId, mail.channel())
                        .filter(c -> c.getKind().equals("email"))
                        .orElse(null);
        if (channel == null) {
            errors.add(new FieldError("channel", "{intake.channel.not-email}"));
        }
        String messageId = Channels.strip(mail.messageId());
        if (messageId == null || messageId.length() > 500) {
            errors.add(new FieldError("messageId", "{intake.email.message-id}"));
        }
        String from = mail.from() == null ? "" : mail.from().strip().toLowerCase(Locale.ROOT);
        if (from.length() > 320 || !ADDRESS.matcher(from).matches()) {
            errors.add(new FieldError("from", "{intake.email.from}"));
        }
        String body = mail.html() != null && !mail.html().isBlank()
                ? mail.html()
                : Html.paragraphs(Objects.requireNonNullElse(mail.text(), ""));
        if (body.length() > MAX_BODY) {
            errors.add(new FieldError(mail.html() != null ? "html" : "text", "{intake.too-long}"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        var earlier = this.db
                .selectFrom(INTAKE_EMAIL_MESSAGES)
                .where(INTAKE_EMAIL_MESSAGES.TENANT_ID.eq(tenantId), INTAKE_EMAIL_MESSAGES.MESSAGE_ID.eq(messageId))
                .fetchOne();
        if (earlier != null) {
            return received(tenantId, new Done(earlier.getNumber(), null, earlier.getOutcome()), true);
        }
        String subject = Objects.requireNonNullElse(Channels.strip(mail.subject()), from);
        String name = Objects.requireNonNullElse(Channels.strip(mail.fromName()), from);
        long customerId = sender(tenantId, from, name);
        Done done = reply(tenantId, subject, customerId, body)
                .orElseGet(
                        () -> create(tenantId, Objects.requireNonNull(channel), subject, body, customerId, messageId));
        this.db
                .insertInto(INTAKE_EMAIL_MESSAGES)
                .set(INTAKE_EMAIL_MESSAGES.TENANT_ID, tenantId)
                .set(INTAKE_EMAIL_MESSAGES.MESSAGE_ID, messageId)
                .set(INTAKE_EMAIL_MESSAGES.NUMBER, done.number())
                .set(INTAKE_EMAIL_MESSAGES.OUTCOME, done.outcome())
                .set(INTAKE_EMAIL_MESSAGES.CREATED_AT, this.clock.instant())
                .onConflictDoNothing()
                .execute();
        return received(tenantId, done, false);
    }

    private Received received(long tenantId, Done done, boolean replayed) {
        Long id = done.ticketId() != null
                ? done.ticketId()
                : this.tickets
                        .findByNumber(tenantId, done.number())
                        .map(TicketOperations.Numbered::id)
                        .orElse(null);
        return new Received(
                done.number(),
                done.outcome(),
                replayed,
                id == null ? null : this.links.issue(tenantId, id).url());
    }

    /** A reply only when the quoted ticket is the sender's own: a number alone proves nothing. */
    private Optional<Done> reply(long tenantId, String subject, long customerId, String body) {
        Matcher m = QUOTED_NUMBER.matcher(subject);
        if (!m.find()) {
            return Optional.empty();
        }
        String number = m.group(1);
        return this.tickets
                .findByNumber(tenantId, number)
                .filter(t -> Objects.equals(t.customerId(), customerId))
                .map(t -> {
                    this.tickets.actAsSystem(
                            tenantId,
                            t.id(),
                            TicketAction.COMMENT,
                            new ActionRequest(null, null, null, body, "public", null, null));
                    return new Done(number, t.id(), "comment");
                });
    }

    private Done create(
            long tenantId, IntakeChannelsRecord c, String subject, String body, long customerId, String messageId) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        this.templates
                .currentFields(tenantId, c.getTemplateId())
                .map(TemplateCatalog.CurrentFields::fields)
                .orElse(List.of())
                .stream()
                .filter(d -> d.type() == FieldType.CUSTOMER)
                .map(FieldDefinition::key)
                .forEach(k -> fields.put(k, customerId));
        NewTicket ticket = new NewTicket(
                c.getTemplateId(),
                subject.length() > 200 ? subject.substring(0, 200) : subject,
                body,
                fields,
                customerId,
                "email",
                c.getPriority(),
                null,
                Map.of("ticket.channel", c.getCode()));
        String key = "email:" + Hashes.sha256("message-id", messageId);
        var created = this.tickets.createAsSystem(tenantId, ticket, key).ticket();
        return new Done(created.number(), created.id(), "ticket");
    }

    /** The customer behind an address: the one it wrote as before, or a new one (customers have no email column). */
    private long sender(long tenantId, String address, String name) {
        Long known = this.db
                .select(INTAKE_EMAIL_SENDERS.CUSTOMER_ID)
                .from(INTAKE_EMAIL_SENDERS)
                .where(INTAKE_EMAIL_SENDERS.TENANT_ID.eq(tenantId), INTAKE_EMAIL_SENDERS.ADDRESS.eq(address))
                .fetchOne(INTAKE_EMAIL_SENDERS.CUSTOMER_ID);
        if (known != null) {
            return known;
        }
        long created = this.customers.createContact(tenantId, name);
        this.db
                .insertInto(INTAKE_EMAIL_SENDERS)
                .set(INTAKE_EMAIL_SENDERS.TENANT_ID, tenantId)
                .set(INTAKE_EMAIL_SENDERS.ADDRESS, address)
                .set(INTAKE_EMAIL_SENDERS.CUSTOMER_ID, created)
                .execute();
        return created;
    }
}
