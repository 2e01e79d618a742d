package dev.baton.notify.internal;

import static dev.baton.platform.db.Tables.NOTIFICATION_TEMPLATES;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.ConflictException;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.OptimisticLock;
import dev.baton.platform.VersionConflictException;
import dev.baton.platform.db.tables.records.NotificationTemplatesRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tenant's message templates per event and channel; a missing one renders the shipped default. */
@Service
class NotificationTemplates {

    private final DSLContext db;
    private final Clock clock;
    private final TemplateChecks checks;
    private final AuditTrail audit;

    NotificationTemplates(DSLContext db, Clock clock, TemplateChecks checks, AuditTrail audit) {
        this.db = db;
        this.clock = clock;
        this.checks = checks;
        this.audit = audit;
    }

    record View(long id, String event, String channel, String subject, String body, int version, Instant updatedAt) {}

    /** Fields may be missing in a request; {@link TemplateChecks} names each missing one. */
    record Command(
            @Nullable String event,
            @Nullable String channel,
            @Nullable String subject,
            @Nullable String body,
            int version) {}

    /** The starting set: every event on every personal channel. */
    void seed(long tenantId) {
        Instant now = this.clock.instant();
        var insert = this.db.insertInto(
                NOTIFICATION_TEMPLATES,
                NOTIFICATION_TEMPLATES.TENANT_ID,
                NOTIFICATION_TEMPLATES.EVENT,
                NOTIFICATION_TEMPLATES.CHANNEL,
                NOTIFICATION_TEMPLATES.SUBJECT,
                NOTIFICATION_TEMPLATES.BODY,
                NOTIFICATION_TEMPLATES.UPDATED_AT);
        for (String event : Events.ALL) {
            for (Channel channel : Channel.PERSONAL) {
                DefaultTemplates.Text text = DefaultTemplates.of(event, channel);
                insert = insert.values(tenantId, event, channel.code(), text.subject(), text.body(), now);
            }
        }
        insert.execute();
    }

    /** The text to render for this event and channel. */
    DefaultTemplates.Text text(long tenantId, String event, Channel channel) {
        NotificationTemplatesRecord r = this.db.fetchOne(
                NOTIFICATION_TEMPLATES,
                NOTIFICATION_TEMPLATES.TENANT_ID.eq(tenantId),
                NOTIFICATION_TEMPLATES.EVENT.eq(event),
                NOTIFICATION_TEMPLATES.CHANNEL.eq(channel.code()));
        return r == null ? DefaultTemplates.of(event, channel) : new DefaultTemplates.Text(r.getSubject(), r.getBody());
    }

    @Transactional(readOnly = true)
    List<View> list(long tenantId) {
        return this.db
                .selectFrom(NOTIFICATION_TEMPLATES)
                .where(NOTIFICATION_TEMPLATES.TENANT_ID.eq(tenantId))
                .orderBy(NOTIFICATION_TEMPLATES.EVENT, NOTIFICATION_TEMPLATES.CHANNEL)
                .fetch(NotificationTemplates::view);
    }

    @Transactional(readOnly = true)
    View get(long tenantId, long id) {
        return view(row(tenantId, id));
    }

    @Transactional
    View create(long tenantId, Command cmd) {
        this.checks.check(cmd, true);
        try {
            long id = this.db
                    .insertInto(NOTIFICATION_TEMPLATES)
                    .set(NOTIFICATION_TEMPLATES.TENANT_ID, tenantId)
                    .set(NOTIFICATION_TEMPLATES.EVENT, Objects.requireNonNull(cmd.event()))
                    .set(NOTIFICATION_TEMPLATES.CHANNEL, Objects.requireNonNull(cmd.channel()))
                    .set(NOTIFICATION_TEMPLATES.SUBJECT, Objects.requireNonNull(cmd.subject()))
                    .set(NOTIFICATION_TEMPLATES.BODY, Objects.requireNonNull(cmd.body()))
                    .set(NOTIFICATION_TEMPLATES.UPDATED_AT, this.clock.instant())
                    .returning(NOTIFICATION_TEMPLATES.ID)
                    .fetchSingle(NOTIFICATION_TEMPLATES.ID);
            this.audit.record(
                    "notification-template.create", "notification-template", id, cmd.event() + "/" + cmd.channel());
            return get(tenantId, id);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException(
                    "notification-template-exists", String.valueOf(cmd.event()), String.valueOf(cmd.channel()));
        }
    }

    /** Changes subject and body; event and channel are the template's identity and stay. */
    @Transactional
    View update(long tenantId, long id, Command cmd) {
        NotificationTemplatesRecord current = row(tenantId, id);
        this.checks.check(cmd, false);
        boolean done = OptimisticLock.execute(
                this.db
                        .update(NOTIFICATION_TEMPLATES)
                        .set(NOTIFICATION_TEMPLATES.SUBJECT, Objects.requireNonNull(cmd.subject()))
                        .set(NOTIFICATION_TEMPLATES.BODY, Objects.requireNonNull(cmd.body()))
                        .set(NOTIFICATION_TEMPLATES.UPDATED_AT, this.clock.instant()),
                NOTIFICATION_TEMPLATES,
                tenantId,
                id,
                cmd.version());
        if (!done) {
            throw new VersionConflictException("notification-template", id, current.getVersion());
        }
        this.audit.record(
                "notification-template.update",
                "notification-template",
                id,
                current.getEvent() + "/" + current.getChannel());
        return get(tenantId, id);
    }

    /** Deletes the tenant's text; the event and channel then use the shipped default again. */
    @Transactional
    void delete(long tenantId, long id) {
        NotificationTemplatesRecord current = row(tenantId, id);
        this.audit.record(
                "notification-template.delete",
                "notification-template",
                id,
                current.getEvent() + "/" + current.getChannel());
        this.db
                .deleteFrom(NOTIFICATION_TEMPLATES)
                .where(NOTIFICATION_TEMPLATES.TENANT_ID.eq(tenantId), NOTIFICATION_TEMPLATES.ID.eq(id))
                .execute();
    }

    private NotificationTemplatesRecord row(long tenantId, long id) {
        NotificationTemplatesRecord r = this.db.fetchOne(
                NOTIFICATION_TEMPLATES,
                NOTIFICATION_TEMPLATES.TENANT_ID.eq(tenantId),
                NOTIFICATION_TEMPLATES.ID.eq(id));
        if (r == null) {
            throw new NotFoundException("notification-template", id);
        }
        return r;
    }

    private static View view(NotificationTemplatesRecord r) {
        return new View(
                r.getId(), r.getEvent(), r.getChannel(), r.getSubject(), r.getBody(), r.getVersion(), r.getUpdatedAt());
    }
}
