package dev.baton.wecom.internal;

import static dev.baton.platform.db.Tables.TENANTS;
import static dev.baton.platform.db.Tables.WECOM_SETTINGS;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.FieldError;
import dev.baton.platform.SecretBox;
import dev.baton.platform.ValidationException;
import dev.baton.platform.VersionConflictException;
import dev.baton.platform.db.tables.records.WecomSettingsRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tenant's own WeCom corp: stored with the secret, token and AES key sealed, checked on save, audited. */
@Service
class WeComSettings {

    private static final Pattern CORP_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    /** WeCom's rule for the callback token: English letters and digits, at most 32. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{1,32}");

    private final DSLContext db;
    private final SecretBox box;
    private final AuditTrail audit;
    private final Clock clock;
    private final String publicUrl;

    WeComSettings(
            DSLContext db,
            SecretBox box,
            AuditTrail audit,
            Clock clock,
            @Value("${baton.notify.link-base:http://localhost:8080}") String publicUrl) {
        this.db = db;
        this.box = box;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** What the callback and the gateway need, opened. */
    record Credentials(
            String corpId,
            int agentId,
            String secret,
            @Nullable String token,
            @Nullable String aesKey) {}

    @Transactional(readOnly = true)
    WeComSettingsView view(long tenantId) {
        WecomSettingsRecord r = this.db.fetchOne(WECOM_SETTINGS, WECOM_SETTINGS.TENANT_ID.eq(tenantId));
        String callback = this.publicUrl + "/wecom/callback/" + tenantCode(tenantId);
        return r == null
                ? new WeComSettingsView(null, null, false, false, false, callback, null)
                : new WeComSettingsView(
                        r.getCorpId(),
                        r.getAgentId(),
                        true,
                        r.getTokenEnc() != null,
                        r.getAesKeyEnc() != null,
                        callback,
                        r.getVersion());
    }

    @Transactional(readOnly = true)
    Optional<Credentials> credentials(long tenantId) {
        return this.db
                .fetchOptional(WECOM_SETTINGS, WECOM_SETTINGS.TENANT_ID.eq(tenantId))
                .map(r -> new Credentials(
                        r.getCorpId(),
                        r.getAgentId(),
                        this.box.open(r.getSecretEnc()),
                        r.getTokenEnc() == null ? null : this.box.open(r.getTokenEnc()),
                        r.getAesKeyEnc() == null ? null : this.box.open(r.getAesKeyEnc())));
    }

    /** The version of the tenant's settings, empty when it has none: what a built service is checked against. */
    @Transactional(readOnly = true)
    Optional<Integer> version(long tenantId) {
        return this.db
                .select(WECOM_SETTINGS.VERSION)
                .from(WECOM_SETTINGS)
                .where(WECOM_SETTINGS.TENANT_ID.eq(tenantId))
                .fetchOptional(WECOM_SETTINGS.VERSION);
    }

    @Transactional
    WeComSettingsView save(long tenantId, WeComSettingsCommand cmd) {
        WecomSettingsRecord current = this.db.fetchOne(WECOM_SETTINGS, WECOM_SETTINGS.TENANT_ID.eq(tenantId));
        List<FieldError> errors = new ArrayList<>();
        if (cmd.corpId() == null || !CORP_ID.matcher(cmd.corpId()).matches()) {
            errors.add(new FieldError("corpId", "{wecom.corp-id}"));
        }
        if (cmd.agentId() == null || cmd.agentId() <= 0) {
            errors.add(new FieldError("agentId", "{wecom.agent-id}"));
        }
        if (blank(cmd.secret()) && current == null) {
            errors.add(new FieldError("secret", "{validation.required}"));
        } else if (cmd.secret() != null && cmd.secret().length() > 200) {
            errors.add(new FieldError("secret", "{wecom.secret}"));
        }
        if (!blank(cmd.token()) && !TOKEN.matcher(cmd.token()).matches()) {
            errors.add(new FieldError("token", "{wecom.token}"));
        }
        if (!blank(cmd.encodingAesKey()) && !CallbackCrypto.validKey(cmd.encodingAesKey())) {
            errors.add(new FieldError("encodingAesKey", "{wecom.aes-key}"));
        }
        if (current != null && cmd.version() == null) {
            errors.add(new FieldError("version", "{validation.required}"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (current == null && cmd.version() != null) {
            throw new VersionConflictException("wecom_settings", tenantId, 0);
        }
        var now = this.clock.instant();
        if (current == null) {
            this.db
                    .insertInto(WECOM_SETTINGS)
                    .set(WECOM_SETTINGS.TENANT_ID, tenantId)
                    .set(WECOM_SETTINGS.CORP_ID, cmd.corpId())
                    .set(WECOM_SETTINGS.AGENT_ID, cmd.agentId())
                    .set(WECOM_SETTINGS.SECRET_ENC, this.box.seal(java.util.Objects.requireNonNull(cmd.secret())))
                    .set(WECOM_SETTINGS.TOKEN_ENC, sealed(cmd.token()))
                    .set(WECOM_SETTINGS.AES_KEY_ENC, sealed(cmd.encodingAesKey()))
                    .set(WECOM_SETTINGS.UPDATED_AT, now)
                    .set(WECOM_SETTINGS.VERSION, 0)
                    .execute();
        } else {
            int updated = this.db
                    .update(WECOM_SETTINGS)
                    .set(WECOM_SETTINGS.CORP_ID, cmd.corpId())
                    .set(WECOM_SETTINGS.AGENT_ID, cmd.agentId())
                    .set(
                            WECOM_SETTINGS.SECRET_ENC,
                            blank(cmd.secret()) ? current.getSecretEnc() : this.box.seal(cmd.secret()))
                    .set(WECOM_SETTINGS.TOKEN_ENC, blank(cmd.token()) ? current.getTokenEnc() : sealed(cmd.token()))
                    .set(
                            WECOM_SETTINGS.AES_KEY_ENC,
                            blank(cmd.encodingAesKey()) ? current.getAesKeyEnc() : sealed(cmd.encodingAesKey()))
                    .set(WECOM_SETTINGS.UPDATED_AT, now)
                    .set(WECOM_SETTINGS.VERSION, WECOM_SETTINGS.VERSION.plus(1))
                    .where(WECOM_SETTINGS.TENANT_ID.eq(tenantId), WECOM_SETTINGS.VERSION.eq(cmd.version()))
                    .execute();
            if (updated == 0) {
                throw new VersionConflictException("wecom_settings", tenantId, current.getVersion());
            }
        }
        // tokens fetched with the former corp or secret are not this corp's
        SharedTokenStorage.dropAll(this.db, tenantId);
        // which parts changed, never their values
        List<String> changed = new ArrayList<>(List.of("corpId=" + cmd.corpId(), "agentId=" + cmd.agentId()));
        if (!blank(cmd.secret())) {
            changed.add("secret");
        }
        if (!blank(cmd.token())) {
            changed.add("token");
        }
        if (!blank(cmd.encodingAesKey())) {
            changed.add("encodingAesKey");
        }
        this.audit.record("wecom.settings", "wecom_settings", tenantId, String.join(", ", changed));
        return view(tenantId);
    }

    /** The tenant a callback URL names. */
    @Transactional(readOnly = true)
    Optional<Long> tenantOf(String code) {
        return this.db
                .select(TENANTS.TENANT_ID)
                .from(TENANTS)
                .where(TENANTS.CODE.eq(code))
                .fetchOptional(TENANTS.TENANT_ID);
    }

    private String tenantCode(long tenantId) {
        return this.db
                .select(TENANTS.CODE)
                .from(TENANTS)
                .where(TENANTS.TENANT_ID.eq(tenantId))
                .fetchOptional(TENANTS.CODE)
                .orElse("");
    }

    private @Nullable String sealed(@Nullable String value) {
        return blank(value) ? null : this.box.seal(value);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
