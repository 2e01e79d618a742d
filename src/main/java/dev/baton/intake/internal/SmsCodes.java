package dev.baton.intake.internal;

import static dev.baton.platform.db.Tables.INTAKE_SMS_CODES;

import dev.baton.intake.SmsSender;
import dev.baton.platform.TooManyRequestsException;
import dev.baton.platform.ValidationException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Six-digit SMS codes proving a submitter holds the phone: one per phone at a time, sent at most once a minute,
 * valid for five minutes and for at most five attempts; stored hashed with the phone as salt.
 */
@Component
class SmsCodes {

    static final Duration TTL = Duration.ofMinutes(5);
    static final Duration RESEND = Duration.ofSeconds(60);
    static final int MAX_ATTEMPTS = 5;

    private final SecureRandom random = new SecureRandom();
    private final DSLContext db;
    private final SmsSender sender;
    private final Clock clock;

    SmsCodes(DSLContext db, SmsSender sender, Clock clock) {
        this.db = db;
        this.sender = sender;
        this.clock = clock;
    }

    @Transactional
    void send(long tenantId, String phone) {
        Instant now = this.clock.instant();
        var last = this.db
                .selectFrom(INTAKE_SMS_CODES)
                .where(INTAKE_SMS_CODES.TENANT_ID.eq(tenantId), INTAKE_SMS_CODES.PHONE.eq(phone))
                .forUpdate()
                .fetchOne();
        if (last != null && last.getSentAt().plus(RESEND).isAfter(now)) {
            long wait = Duration.between(now, last.getSentAt().plus(RESEND)).toSeconds();
            throw new TooManyRequestsException("intake-sms-too-soon", Math.max(1, wait));
        }
        String code = String.format("%06d", this.random.nextInt(1_000_000));
        this.db
                .deleteFrom(INTAKE_SMS_CODES)
                .where(INTAKE_SMS_CODES.TENANT_ID.eq(tenantId), INTAKE_SMS_CODES.PHONE.eq(phone))
                .execute();
        this.db
                .insertInto(INTAKE_SMS_CODES)
                .set(INTAKE_SMS_CODES.TENANT_ID, tenantId)
                .set(INTAKE_SMS_CODES.PHONE, phone)
                .set(INTAKE_SMS_CODES.CODE_HASH, Hashes.sha256(phone, code))
                .set(INTAKE_SMS_CODES.ATTEMPTS, 0)
                .set(INTAKE_SMS_CODES.SENT_AT, now)
                .set(INTAKE_SMS_CODES.EXPIRES_AT, now.plus(TTL))
                .execute();
        this.sender.sendVerificationCode(tenantId, phone, code);
    }

    /**
     * Checks (and on success consumes) the phone's code; a wrong guess counts as an attempt. Runs in its own
     * transaction so the attempt counts even when the submission fails afterwards.
     */
    @Transactional(noRollbackFor = ValidationException.class)
    void check(long tenantId, String phone, @Nullable String code) {
        var row = this.db
                .selectFrom(INTAKE_SMS_CODES)
                .where(INTAKE_SMS_CODES.TENANT_ID.eq(tenantId), INTAKE_SMS_CODES.PHONE.eq(phone))
                .forUpdate()
                .fetchOne();
        if (row == null || row.getExpiresAt().isBefore(this.clock.instant()) || row.getAttempts() >= MAX_ATTEMPTS) {
            throw new ValidationException("smsCode", "{intake.sms.expired}");
        }
        if (code == null || !code.matches("\\d{6}") || !Hashes.matches(row.getCodeHash(), phone, code)) {
            row.setAttempts(row.getAttempts() + 1);
            row.store();
            throw new ValidationException("smsCode", "{intake.sms.wrong}");
        }
        row.delete();
    }
}
