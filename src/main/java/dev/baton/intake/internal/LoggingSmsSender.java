package dev.baton.intake.internal;

import dev.baton.intake.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The demo's SMS gateway: the code goes to the log, so a developer can type it in. Replaced by any other bean. */
class LoggingSmsSender implements SmsSender {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public void sendVerificationCode(long tenantId, String phone, String code) {
        LOG.info("SMS verification code for tenant {} phone {}: {}", tenantId, phone, code);
    }
}
