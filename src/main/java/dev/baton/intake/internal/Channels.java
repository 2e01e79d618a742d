package dev.baton.intake.internal;

import static dev.baton.platform.db.Tables.INTAKE_CHANNELS;
import static dev.baton.platform.db.Tables.TENANTS;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.FieldError;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.OptimisticLock;
import dev.baton.platform.ValidationException;
import dev.baton.platform.VersionConflictException;
import dev.baton.platform.db.tables.records.IntakeChannelsRecord;
import dev.baton.template.TemplateCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's channels: validated writes with optimistic locking and an audit entry for each change. */
@Service
class Channels {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern LOGO = Pattern.compile("(https?://|/api/v1/attachments/)\\S{1,480}");
    private static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");

    private final DSLContext db;
    private final TemplateCatalog templates;
    private final AuditTrail audit;
    private final Clock clock;

    Channels(DSLContext db, TemplateCatalog templates, AuditTrail audit, Clock clock) {
        this.db = db;
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<ChannelView> list(long tenantId) {
        return this.db
                .selectFrom(INTAKE_CHANNELS)
                .where(INTAKE_CHANNELS.TENANT_ID.eq(tenantId))
                .orderBy(INTAKE_CHANNELS.NAME, INTAKE_CHANNELS.ID)
                .fetch(Channels::view);
    }

    @Transactional(readOnly = true)
    ChannelView get(long tenantId, long id) {
        return view(row(tenantId, id));
    }

    /** An enabled channel by tenant code and channel code, as the public form and the mail webhook find it. */
    @Transactional(readOnly = true)
    Optional<IntakeChannelsRecord> enabled(String tenantCode, String channelCode) {
        if (!CODE.matcher(channelCode).matches() || tenantCode.length() > 32) {
            return Optional.empty();
        }
        return this.db
                .select(INTAKE_CHANNELS.fields())
                .from(INTAKE_CHANNELS)
                .join(TENANTS)
                .on(TENANTS.TENANT_ID.eq(INTAKE_CHANNELS.TENANT_ID))
                .where(
                        TENANTS.CODE.eq(tenantCode),
                        TENANTS.ACTIVE.isTrue(),
                        INTAKE_CHANNELS.CODE.eq(channelCode),
                        INTAKE_CHANNELS.ENABLED.isTrue())
                .fetchOptionalInto(INTAKE_CHANNELS);
    }

    @Transactional(readOnly = true)
    Optional<IntakeChannelsRecord> enabled(long tenantId, String channelCode) {
        return this.db
                .selectFrom(INTAKE_CHANNELS)
                .where(
                        INTAKE_CHANNELS.TENANT_ID.eq(tenantId),
                        INTAKE_CHANNELS.CODE.eq(channelCode),
                        INTAKE_CHANNELS.ENABLED.isTrue())
                .fetchOptional();
    }

    @Transactional
    ChannelView create(long tenantId, ChannelCommand cmd) {
        Checked c = check(tenantId, cmd, null);
        Instant now = this.clock.instant();
        IntakeChannelsRecord row = this.db.newRecord(INTAKE_CHANNELS);
        c.apply(row);
        row.setTenantId(tenantId);
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        row.setVersion(0);
        long id = this.db
                .insertInto(INTAKE_CHANNELS)
                .set(row)
                .returningResult(INTAKE_CHANNELS.ID)
                .fetchSingle(INTAKE_CHANNELS.ID);
        this.audit.record("intake.channel.created", "intake_channel", id, c.code() + " " + c.name());
        return get(tenantId, id);
    }

    @Transactional
    ChannelView update(long tenantId, long id, ChannelCommand cmd) {
        IntakeChannelsRecord current = row(tenantId, id);
        if (cmd.version() == null) {
            throw new ValidationException("version", "{validation.required}");
        }
        Checked c = check(tenantId, cmd, id);
        IntakeChannelsRecord changed = this.db.newRecord(INTAKE_CHANNELS);
        c.apply(changed);
        var update = this.db.update(INTAKE_CHANNELS).set(changed).set(INTAKE_CHANNELS.UPDATED_AT, this.clock.instant());
        if (!OptimisticLock.execute(update, INTAKE_CHANNELS, tenantId, id, cmd.version())) {
            throw new VersionConflictException("intake_channel", id, current.getVersion());
        }
        this.audit.record("intake.channel.updated", "intake_channel", id, c.code() + " " + c.name());
        return get(tenantId, id);
    }

    @Transactional
    void delete(long tenantId, long id) {
        IntakeChannelsRecord current = row(tenantId, id);
        this.db
                .deleteFrom(INTAKE_CHANNELS)
                .where(INTAKE_CHANNELS.TENANT_ID.eq(tenantId), INTAKE_CHANNELS.ID.eq(id))
                .execute();
        this.audit.record("intake.channel.deleted", "intake_channel", id, current.getCode());
    }

    private IntakeChannelsRecord row(long tenantId, long id) {
        return this.db
                .selectFrom(INTAKE_CHANNELS)
                .where(INTAKE_CHANNELS.TENANT_ID.eq(tenantId), INTAKE_CHANNELS.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> new NotFoundException("intake_channel", id));
    }

    private record Checked(
            String code,
            String name,
            String kind,
            boolean enabled,
            long templateId,
            @Nullable String priority,
            @Nullable String title,
            @Nullable String intro,
            @Nullable String logoUrl,
            @Nullable String accentColor,
            boolean requirePhone,
            boolean captcha) {

        void apply(IntakeChannelsRecord r) {
            r.setCode(this.code);
            r.setName(this.name);
            r.setKind(this.kind);
            r.setEnabled(this.enabled);
            r.setTemplateId(this.templateId);
            r.setPriority(this.priority);
            r.setTitle(this.title);
            r.setIntro(this.intro);
            r.setLogoUrl(this.logoUrl);
            r.setAccentColor(this.accentColor);
            r.setRequirePhoneCode(this.requirePhone);
            r.setCaptcha(this.captcha);
        }
    }

    private Checked check(long tenantId, ChannelCommand cmd, @Nullable Long self) {
        List<FieldError> errors = new ArrayList<>();
        String code = strip(cmd.code());
        if (code == null) {
            errors.add(new FieldError("code", "{validation.required}"));
        } else if (!CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "{intake.channel.code}"));
        } else if (this.db.fetchExists(
                INTAKE_CHANNELS,
                INTAKE_CHANNELS.TENANT_ID.eq(tenantId),
                INTAKE_CHANNELS.CODE.eq(code),
                self == null ? INTAKE_CHANNELS.ID.isNotNull() : INTAKE_CHANNELS.ID.ne(self))) {
            errors.add(new FieldError("code", "{intake.channel.code-taken}"));
        }
        String name = strip(cmd.name());
        if (name == null) {
            errors.add(new FieldError("name", "{validation.required}"));
        } else if (name.length() > 100) {
            errors.add(new FieldError("name", "{intake.too-long}"));
        }
        String kind = strip(cmd.kind());
        if (kind == null) {
            errors.add(new FieldError("kind", "{validation.required}"));
        } else if (!ChannelKinds.ALL.contains(kind)) {
            errors.add(new FieldError("kind", "{intake.channel.kind}"));
        }
        if (cmd.templateId() == null) {
            errors.add(new FieldError("templateId", "{validation.required}"));
        } else if (this.templates.header(tenantId, cmd.templateId()).isEmpty()) {
            errors.add(new FieldError("templateId", "{ticket.template-unknown}"));
        }
        String priority = strip(cmd.priority());
        if (priority != null && !PRIORITIES.contains(priority)) {
            errors.add(new FieldError("priority", "{ticket.priority-unknown}"));
        }
        String title = limited(cmd.title(), "title", 100, errors);
        String intro = limited(cmd.intro(), "intro", 2000, errors);
        String logo = strip(cmd.logoUrl());
        if (logo != null && !LOGO.matcher(logo).matches()) {
            errors.add(new FieldError("logoUrl", "{intake.channel.logo}"));
        }
        String colour = strip(cmd.accentColor());
        if (colour != null && !COLOUR.matcher(colour).matches()) {
            errors.add(new FieldError("accentColor", "{intake.channel.colour}"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Checked(
                code,
                name,
                kind,
                cmd.enabled() == null || cmd.enabled(),
                cmd.templateId(),
                priority,
                title,
                intro,
                logo,
                colour,
                Boolean.TRUE.equals(cmd.requirePhoneVerification()),
                cmd.captcha() == null || cmd.captcha());
    }

    private static @Nullable String limited(@Nullable String value, String field, int max, List<FieldError> errors) {
        String s = strip(value);
        if (s != null && s.length() > max) {
            errors.add(new FieldError(field, "{intake.too-long}"));
        }
        return s;
    }

    static @Nullable String strip(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return s.strip();
    }

    static ChannelView view(IntakeChannelsRecord r) {
        return new ChannelView(
                r.getId(),
                r.getCode(),
                r.getName(),
                r.getKind(),
                r.getEnabled(),
                r.getTemplateId(),
                r.getPriority(),
                r.getTitle(),
                r.getIntro(),
                r.getLogoUrl(),
                r.getAccentColor(),
                r.getRequirePhoneCode(),
                r.getCaptcha(),
                ChannelKinds.isPublic(r.getKind()),
                r.getCreatedAt(),
                r.getUpdatedAt(),
                r.getVersion());
    }
}
