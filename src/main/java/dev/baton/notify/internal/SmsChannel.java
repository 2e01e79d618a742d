package dev.baton.notify.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Text messages to a user's mobile number; the subject is left out, SMS has none. */
@Component
class SmsChannel implements NotificationChannel {

    private final SmsProvider provider;

    SmsChannel(SmsProvider provider) {
        this.provider = provider;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean available(long tenantId) {
        return this.provider.configured();
    }

    @Override
    public Optional<String> address(Recipient recipient) {
        return Optional.ofNullable(recipient.mobile()).filter(s -> !s.isBlank());
    }

    @Override
    public void send(Outgoing message) {
        this.provider.send(message.address(), message.body());
    }
}
