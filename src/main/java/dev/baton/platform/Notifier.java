package dev.baton.platform;

/**
 * Sends a notification to people, for modules that must not depend on the notify module (the SLA module's
 * reminders and escalations). Implemented by {@code notify}: it writes one outbox row per recipient and channel
 * in the caller's transaction — so a rolled-back change sends nothing — applying each user's preferences and
 * quiet hours, and a worker delivers them afterwards.
 */
public interface Notifier {

    void notify(Notification notification);
}
