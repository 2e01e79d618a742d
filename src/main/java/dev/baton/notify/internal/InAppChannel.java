package dev.baton.notify.internal;

import static dev.baton.platform.db.Tables.NOTIFICATION_INBOX;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The bell in the web UI: a row in the recipient's inbox. */
@Component
class InAppChannel implements NotificationChannel {

    private final DSLContext db;
    private final Clock clock;

    InAppChannel(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.INAPP;
    }

    @Override
    public boolean available(long tenantId) {
        return true;
    }

    @Override
    public Optional<String> address(Recipient recipient) {
        return Optional.of(String.valueOf(recipient.id()));
    }

    @Override
    public void send(Outgoing message) {
        this.db
                .insertInto(NOTIFICATION_INBOX)
                .set(NOTIFICATION_INBOX.TENANT_ID, message.tenantId())
                .set(NOTIFICATION_INBOX.USER_ID, Objects.requireNonNull(message.recipientId()))
                .set(NOTIFICATION_INBOX.EVENT, message.event())
                .set(NOTIFICATION_INBOX.TICKET_ID, message.ticketId())
                .set(NOTIFICATION_INBOX.TITLE, message.subject())
                .set(NOTIFICATION_INBOX.BODY, message.body())
                .set(NOTIFICATION_INBOX.LINK, message.link())
                .set(NOTIFICATION_INBOX.CREATED_AT, this.clock.instant())
                .execute();
    }
}
