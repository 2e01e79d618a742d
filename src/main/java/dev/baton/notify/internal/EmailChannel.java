package dev.baton.notify.internal;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Plain-text e-mail through Spring's {@link JavaMailSender}; there is one when {@code spring.mail.host} is set. */
@Component
class EmailChannel implements NotificationChannel {

    private final ObjectProvider<JavaMailSender> mail;
    private final NotifyProperties properties;

    EmailChannel(ObjectProvider<JavaMailSender> mail, NotifyProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean available(long tenantId) {
        return this.mail.getIfAvailable() != null;
    }

    @Override
    public Optional<String> address(Recipient recipient) {
        return Optional.ofNullable(recipient.email()).filter(s -> !s.isBlank());
    }

    @Override
    public void send(Outgoing message) {
        JavaMailSender sender = this.mail.getIfAvailable();
        if (sender == null) {
            throw new DeliveryFailure("no mail server is configured (spring.mail.host)", false);
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(this.properties.mailFrom());
        mail.setTo(message.address());
        mail.setSubject(message.subject());
        mail.setText(message.link() == null ? message.body() : message.body() + "\n\n" + message.link());
        try {
            sender.send(mail);
        } catch (MailException e) {
            throw new DeliveryFailure(e.getMessage() == null ? e.toString() : e.getMessage(), false);
        }
    }
}
