package dev.baton.intake;

/**
 * The port through which verification codes leave Baton. The default implementation only logs the code (demo and
 * development); a deployment provides its SMS gateway's as a bean of this type.
 */
public interface SmsSender {

    /** @param phone a validated Chinese mobile number; {@code code} the six digits to text */
    void sendVerificationCode(long tenantId, String phone, String code);
}
