package dev.baton.support;

import dev.baton.platform.Notification;
import dev.baton.platform.Notifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every notification sent, for tests that check who was told what (the SLA module's reminders). */
public final class RecordingNotifier implements Notifier {

    private final List<Notification> sent = new CopyOnWriteArrayList<>();

    @Override
    public void notify(Notification notification) {
        this.sent.add(notification);
    }

    /** What was sent about one ticket, in order. */
    public List<Notification> about(long ticketId) {
        return this.sent.stream()
                .filter(n -> n.ticketId() != null && n.ticketId() == ticketId)
                .toList();
    }
}
