package dev.baton.sla.internal;

import dev.baton.platform.Notification;
import dev.baton.platform.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Hands SLA notifications to the {@link Notifier} (the notify module's, which writes its outbox in the caller's
 * transaction). Looked up on each call and never declared as a bean here, so the application starts without the
 * notify module (the notification is then only logged) and never has two candidates once it is there. Every
 * Notifier bean gets it: production has one; tests add a recording one beside it.
 */
@Component
class SlaNotices {

    private static final Logger log = LoggerFactory.getLogger(SlaNotices.class);

    private final ObjectProvider<Notifier> notifiers;

    SlaNotices(ObjectProvider<Notifier> notifiers) {
        this.notifiers = notifiers;
    }

    void send(Notification n) {
        boolean[] any = {false};
        this.notifiers.orderedStream().forEach(notifier -> {
            any[0] = true;
            notifier.notify(n);
        });
        if (!any[0]) {
            log.info(
                    "no notifier: {} for ticket {} to {} ({})", n.event(), n.ticketId(), n.recipients(), n.variables());
        }
    }
}
