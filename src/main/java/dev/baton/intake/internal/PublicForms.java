package dev.baton.intake.internal;

import static dev.baton.platform.db.Tables.INTAKE_SUBMISSIONS;

import dev.baton.customer.CustomerIntake;
import dev.baton.platform.FieldError;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.ValidationException;
import dev.baton.platform.db.tables.records.IntakeChannelsRecord;
import dev.baton.portal.ProgressLinks;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldType;
import dev.baton.template.FieldValues;
import dev.baton.template.TemplateCatalog;
import dev.baton.ticket.NewTicket;
import dev.baton.ticket.TicketOperations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The public forms: what a channel shows, its captcha and SMS code, and a submission turned into a ticket created
 * by Baton itself. Deliberately not one transaction: a consumed captcha or a counted SMS attempt must stay consumed
 * when the submission fails afterwards. Answers name no internal id; an unknown, disabled or non-public channel and
 * an unknown tenant all look alike (404).
 */
@Service
class PublicForms {

    static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SUBMISSION = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final int MAX_DESCRIPTION = 5_000;

    private final Channels channels;
    private final TemplateCatalog templates;
    private final Captchas captchas;
    private final SmsCodes sms;
    private final IntakeThrottle throttle;
    private final CustomerIntake customers;
    private final TicketOperations tickets;
    private final ProgressLinks links;
    private final DSLContext db;
    private final Clock clock;

    PublicForms(
            Channels channels,
            TemplateCatalog templates,
            Captchas captchas,
            SmsCodes sms,
            IntakeThrottle throttle,
            CustomerIntake customers,
            TicketOperations tickets,
            ProgressLinks links,
            DSLContext db,
            Clock clock) {
        this.channels = channels;
        this.templates = templates;
        this.captchas = captchas;
        this.sms = sms;
        this.throttle = throttle;
        this.customers = customers;
        this.tickets = tickets;
        this.links = links;
        this.db = db;
        this.clock = clock;
    }

    record Form(
            String name,
            String kind,
            @Nullable String title,
            @Nullable String intro,
            @Nullable String logoUrl,
            @Nullable String accentColor,
            boolean requirePhoneVerification,
            boolean captcha,
            List<PublicField> fields) {}

    record SmsRequest(
            @Nullable String phone,
            @Nullable String captchaId,
            @Nullable String captcha) {}

    record Submission(
            @Nullable String name,
            @Nullable String phone,
            @Nullable String smsCode,
            @Nullable String captchaId,
            @Nullable String captcha,
            @Nullable String title,
            @Nullable String description,
            @Nullable Map<String, @Nullable Object> fields,
            @Nullable String submissionId) {}

    /**
     * @param progressUrl the submitter's signed link to the ticket's progress page ({@code /p/<token>}), issued
     *     afresh on every answer (a double tap too), so a link is never stored
     */
    record Submitted(String number, @Nullable String progressUrl) {}

    Form form(String tenant, String channelCode) {
        IntakeChannelsRecord c = channel(tenant, channelCode);
        return new Form(
                c.getName(),
                c.getKind(),
                c.getTitle(),
                c.getIntro(),
                c.getLogoUrl(),
                c.getAccentColor(),
                c.getRequirePhoneCode(),
                c.getCaptcha(),
                PublicField.of(definitions(c)));
    }

    Captchas.Issued captcha(String tenant, String channelCode, String address) {
        IntakeChannelsRecord c = channel(tenant, channelCode);
        this.throttle.acquire(IntakeThrottle.Limit.CAPTCHA, address, c.getTenantId(), c.getId());
        return this.captchas.issue(c.getTenantId());
    }

    void smsCode(String tenant, String channelCode, String address, SmsRequest req) {
        IntakeChannelsRecord c = channel(tenant, channelCode);
        this.throttle.acquire(IntakeThrottle.Limit.SMS, address, c.getTenantId(), c.getId());
        String phone = phone(req.phone());
        if (c.getCaptcha()) {
            this.captchas.check(c.getTenantId(), req.captchaId(), req.captcha());
        }
        this.throttle.acquirePhone(c.getTenantId(), phone);
        this.sms.send(c.getTenantId(), phone);
    }

    Submitted submit(String tenant, String channelCode, String address, Submission s) {
        IntakeChannelsRecord c = channel(tenant, channelCode);
        long tenantId = c.getTenantId();
        this.throttle.acquire(IntakeThrottle.Limit.SUBMIT, address, tenantId, c.getId());
        String submissionId = s.submissionId() == null ? "" : s.submissionId().strip();
        if (!SUBMISSION.matcher(submissionId).matches()) {
            throw new ValidationException("submissionId", "{intake.submission-id}");
        }
        String earlier = this.db
                .select(INTAKE_SUBMISSIONS.TICKET_NUMBER)
                .from(INTAKE_SUBMISSIONS)
                .where(
                        INTAKE_SUBMISSIONS.TENANT_ID.eq(tenantId),
                        INTAKE_SUBMISSIONS.CHANNEL_ID.eq(c.getId()),
                        INTAKE_SUBMISSIONS.SUBMISSION_ID.eq(submissionId))
                .fetchOne(INTAKE_SUBMISSIONS.TICKET_NUMBER);
        if (earlier != null) {
            return submitted(tenantId, earlier, null);
        }
        if (c.getCaptcha()) {
            this.captchas.check(tenantId, s.captchaId(), s.captcha());
        }
        List<FieldDefinition> defs = definitions(c);
        Checked checked = check(s, defs);
        if (c.getRequirePhoneCode()) {
            this.sms.check(tenantId, checked.phone(), s.smsCode());
        }
        long customerId = this.customers.findOrCreateByPhone(tenantId, checked.phone(), checked.name());
        Map<String, @Nullable Object> fields = new LinkedHashMap<>(checked.fields());
        defs.stream()
                .filter(d -> d.type() == FieldType.CUSTOMER && !fields.containsKey(d.key()))
                .forEach(d -> fields.put(d.key(), customerId));
        String title = checked.title() != null
                ? checked.title()
                : (c.getTitle() != null ? c.getTitle() : c.getName()) + " · " + checked.name();
        NewTicket ticket = new NewTicket(
                c.getTemplateId(),
                title.length() > 200 ? title.substring(0, 200) : title,
                Html.paragraphs(checked.description()),
                fields,
                customerId,
                c.getKind(),
                c.getPriority(),
                null,
                Map.of("ticket.channel", c.getCode()));
        var created = this.tickets
                .createAsSystem(tenantId, ticket, "form:" + c.getId() + ":" + submissionId)
                .ticket();
        String number = created.number();
        this.db
                .insertInto(INTAKE_SUBMISSIONS)
                .set(INTAKE_SUBMISSIONS.TENANT_ID, tenantId)
                .set(INTAKE_SUBMISSIONS.CHANNEL_ID, c.getId())
                .set(INTAKE_SUBMISSIONS.SUBMISSION_ID, submissionId)
                .set(INTAKE_SUBMISSIONS.TICKET_NUMBER, number)
                .set(INTAKE_SUBMISSIONS.CREATED_AT, this.clock.instant())
                .onConflictDoNothing()
                .execute();
        return submitted(tenantId, number, created.id());
    }

    /** The answer with the progress link; a ticket gone since (deleted) still answers with its number. */
    private Submitted submitted(long tenantId, String number, @Nullable Long ticketId) {
        Long id = ticketId != null
                ? ticketId
                : this.tickets
                        .findByNumber(tenantId, number)
                        .map(TicketOperations.Numbered::id)
                        .orElse(null);
        return new Submitted(
                number, id == null ? null : this.links.issue(tenantId, id).url());
    }

    private record Checked(
            String name,
            String phone,
            @Nullable String title,
            String description,
            Map<String, @Nullable Object> fields) {}

    /** Everything a submitter typed, checked at once so the form shows every mistake together. */
    private Checked check(Submission s, List<FieldDefinition> defs) {
        List<FieldError> errors = new ArrayList<>();
        String name = Channels.strip(s.name());
        if (name == null) {
            errors.add(new FieldError("name", "{validation.required}"));
        } else if (name.length() > 100) {
            errors.add(new FieldError("name", "{intake.too-long}"));
        }
        String phone = s.phone() == null ? "" : s.phone().strip();
        if (!PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "{intake.phone}"));
        }
        String title = Channels.strip(s.title());
        if (title != null && title.length() > 200) {
            errors.add(new FieldError("title", "{intake.too-long}"));
        }
        String description = Channels.strip(s.description());
        if (description == null) {
            errors.add(new FieldError("description", "{validation.required}"));
        } else if (description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "{intake.too-long}"));
        }
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        Set<String> offered = defs.stream()
                .filter(PublicField::offered)
                .map(FieldDefinition::key)
                .collect(Collectors.toSet());
        if (s.fields() != null) {
            s.fields().forEach((k, v) -> {
                if (offered.contains(k)) {
                    fields.put(k, v);
                } else {
                    errors.add(new FieldError("fields." + k, "{intake.field-unknown}"));
                }
            });
        }
        // a required phone field the form does not need to ask for twice
        defs.stream()
                .filter(d -> d.type() == FieldType.PHONE && FieldValues.isEmpty(fields.get(d.key())))
                .filter(d -> d.required() && offered.contains(d.key()))
                .forEach(d -> fields.put(d.key(), phone));
        // the customer fields are filled after the customer is found: checked by the ticket, not here
        List<FieldDefinition> checkable =
                defs.stream().filter(d -> d.type() != FieldType.CUSTOMER).toList();
        FieldValues.validate(checkable, fields).forEach(e -> {
            if (offered.contains(e.field().split("[.\\[]", 2)[0])) {
                errors.add(new FieldError("fields." + e.field(), e.message()));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Checked(name, phone, title, description, fields);
    }

    private static String phone(@Nullable String phone) {
        String p = phone == null ? "" : phone.strip();
        if (!PHONE.matcher(p).matches()) {
            throw new ValidationException("phone", "{intake.phone}");
        }
        return p;
    }

    private IntakeChannelsRecord channel(String tenant, String channelCode) {
        return this.channels
                .enabled(tenant, channelCode)
                .filter(c -> ChannelKinds.isPublic(c.getKind()))
                .orElseThrow(() -> new NotFoundException("form", channelCode));
    }

    private List<FieldDefinition> definitions(IntakeChannelsRecord c) {
        return this.templates
                .currentFields(c.getTenantId(), c.getTemplateId())
                .map(TemplateCatalog.CurrentFields::fields)
                .orElseThrow(() -> new NotFoundException("form", c.getCode()));
    }
}
