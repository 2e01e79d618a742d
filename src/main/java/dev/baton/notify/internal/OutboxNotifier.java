package dev.baton.notify.internal;

import static dev.baton.platform.db.Tables.NOTIFICATION_DELIVERIES;

import com.samskivert.mustache.MustacheException;
import dev.baton.platform.Notification;
import dev.baton.platform.Notifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link Notifier}: renders a notification for each recipient on each channel they want and writes one
 * outbox row per recipient and channel — in the caller's transaction, so a rolled-back change sends nothing —
 * plus one row for the tenant's webhook. Sending is the {@link DeliveryWorker}'s job.
 *
 * <p>Per row: the user's preference for the event and channel decides whether it is written at all; a user
 * without the channel's address (no e-mail, no WeCom id) gets nothing on it; a row written during the user's
 * quiet hours (their own, else the tenant's) is due when they end — except for urgent events and the in-app
 * inbox, which makes no sound. The same dedup key for the same tenant is written once.
 */
@Component
// Primary: the one that writes the outbox; other Notifier beans (a test's recorder) only listen beside it.
@Primary
class OutboxNotifier implements Notifier {

    private static final int MAX_KEY = 300;

    private final DSLContext db;
    private final Clock clock;
    private final Map<Channel, NotificationChannel> channels = new EnumMap<>(Channel.class);
    private final Recipients recipients;
    private final Preferences preferences;
    private final TenantSettings settings;
    private final NotificationTemplates templates;
    private final TicketFacts tickets;
    private final JsonMapper json;

    OutboxNotifier(
            DSLContext db,
            Clock clock,
            List<NotificationChannel> channels,
            Recipients recipients,
            Preferences preferences,
            TenantSettings settings,
            NotificationTemplates templates,
            TicketFacts tickets,
            JsonMapper json) {
        this.db = db;
        this.clock = clock;
        channels.forEach(c -> this.channels.put(c.channel(), c));
        this.recipients = recipients;
        this.preferences = preferences;
        this.settings = settings;
        this.templates = templates;
        this.tickets = tickets;
        this.json = json;
    }

    @Override
    @Transactional
    public void notify(Notification n) {
        notify(n, null);
    }

    /** As {@link #notify(Notification)}, on one channel only when {@code only} is set (an automation's choice). */
    @Transactional
    void notify(Notification n, @Nullable Channel only) {
        if (!Events.known(n.event())) {
            throw new IllegalArgumentException("unknown notification event " + n.event());
        }
        long tenant = n.tenantId();
        if (!this.settings.enabled(tenant)) {
            return;
        }
        Map<String, String> variables = new HashMap<>();
        if (n.ticketId() != null) {
            this.tickets.variables(tenant, n.ticketId()).ifPresent(variables::putAll);
        }
        variables.putAll(n.variables());
        Instant now = this.clock.instant();
        boolean urgent = Events.URGENT.contains(n.event());
        TenantSettings.Settings tenantSettings = this.settings.of(tenant);
        Map<Long, Recipient> people = this.recipients.of(tenant, n.recipients());
        Map<Long, Map<Channel, Boolean>> chosen = this.preferences.forEvent(tenant, people.keySet(), n.event());
        Map<Long, Preferences.UserQuietHours> ownQuiet = this.preferences.quietHours(tenant, people.keySet());
        Map<Channel, DefaultTemplates.Text> texts = new EnumMap<>(Channel.class);
        for (Recipient person : people.values()) {
            if (!person.active()) {
                continue;
            }
            Map<String, String> personal = new HashMap<>(variables);
            personal.put("recipient.name", person.name());
            Optional<Instant> quietEnd =
                    quiet(ownQuiet.get(person.id()), tenantSettings).flatMap(q -> q.endingAfter(now));
            for (Channel channel : Channel.PERSONAL) {
                NotificationChannel sender = this.channels.get(channel);
                boolean wanted =
                        chosen.getOrDefault(person.id(), Map.of()).getOrDefault(channel, channel.onByDefault());
                if (sender == null || !wanted || !sender.available(tenant) || (only != null && only != channel)) {
                    continue;
                }
                Optional<String> address = sender.address(person);
                if (address.isEmpty()) {
                    continue;
                }
                DefaultTemplates.Text text =
                        texts.computeIfAbsent(channel, c -> this.templates.text(tenant, n.event(), c));
                Instant due = urgent || channel == Channel.INAPP ? now : quietEnd.orElse(now);
                insert(
                        n,
                        person.id(),
                        channel,
                        address.get(),
                        render(text, personal, n.event(), channel),
                        personal,
                        sender.details(n.event(), personal),
                        urgent,
                        due,
                        now);
            }
        }
        if (tenantSettings.webhookUrl() != null && (only == null || only == Channel.WEBHOOK)) {
            insert(
                    n,
                    null,
                    Channel.WEBHOOK,
                    tenantSettings.webhookUrl(),
                    webhookBody(n, variables, now),
                    variables,
                    Map.of(),
                    urgent,
                    now,
                    now);
        }
    }

    /**
     * An automation node's webhook: the notification's JSON, as the tenant's webhook gets it, to the node's own URL,
     * signed and retried like every delivery.
     */
    @Transactional
    void webhook(Notification n, String url) {
        if (!this.settings.enabled(n.tenantId())) {
            return;
        }
        Map<String, String> variables = new HashMap<>();
        if (n.ticketId() != null) {
            this.tickets.variables(n.tenantId(), n.ticketId()).ifPresent(variables::putAll);
        }
        variables.putAll(n.variables());
        Instant now = this.clock.instant();
        insert(n, null, Channel.WEBHOOK, url, webhookBody(n, variables, now), variables, Map.of(), false, now, now);
    }

    private Optional<QuietHours> quiet(Preferences.@Nullable UserQuietHours own, TenantSettings.Settings tenant) {
        if (own != null && own.start() != null && own.end() != null) {
            return Optional.of(new QuietHours(
                    java.time.LocalTime.parse(own.start()), java.time.LocalTime.parse(own.end()), tenant.zone()));
        }
        return tenant.quietHours();
    }

    private static DefaultTemplates.Text render(
            DefaultTemplates.Text text, Map<String, String> variables, String event, Channel channel) {
        try {
            return new DefaultTemplates.Text(
                    TemplateText.render(text.subject(), variables), TemplateText.render(text.body(), variables));
        } catch (MustacheException e) {
            // templates are checked when saved; a text that still fails must not lose the message
            DefaultTemplates.Text fallback = DefaultTemplates.of(event, channel);
            return new DefaultTemplates.Text(
                    TemplateText.render(fallback.subject(), variables),
                    TemplateText.render(fallback.body(), variables));
        }
    }

    private DefaultTemplates.Text webhookBody(Notification n, Map<String, String> variables, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", n.event());
        body.put("tenantId", n.tenantId());
        body.put("ticketId", n.ticketId());
        body.put("recipients", new TreeSet<>(n.recipients()));
        body.put("variables", new java.util.TreeMap<>(variables));
        body.put("at", now.toString());
        String subject =
                n.event() + (variables.containsKey("ticket.number") ? " " + variables.get("ticket.number") : "");
        return new DefaultTemplates.Text(subject, this.json.writeValueAsString(body));
    }

    private void insert(
            Notification n,
            @Nullable Long recipient,
            Channel channel,
            String address,
            DefaultTemplates.Text text,
            Map<String, String> variables,
            Map<String, String> details,
            boolean urgent,
            Instant due,
            Instant now) {
        String key = n.dedupKey() == null
                ? null
                : key(n.dedupKey() + "|" + (recipient == null ? "-" : recipient) + "|" + channel.code());
        this.db
                .insertInto(NOTIFICATION_DELIVERIES)
                .set(NOTIFICATION_DELIVERIES.TENANT_ID, n.tenantId())
                .set(NOTIFICATION_DELIVERIES.RECIPIENT_ID, recipient)
                .set(NOTIFICATION_DELIVERIES.CHANNEL, channel.code())
                .set(NOTIFICATION_DELIVERIES.EVENT, n.event())
                .set(NOTIFICATION_DELIVERIES.TICKET_ID, n.ticketId())
                .set(NOTIFICATION_DELIVERIES.ADDRESS, address)
                .set(NOTIFICATION_DELIVERIES.SUBJECT, cut(text.subject(), 500))
                .set(NOTIFICATION_DELIVERIES.BODY, text.body())
                .set(NOTIFICATION_DELIVERIES.LINK, variables.get("link"))
                .set(
                        NOTIFICATION_DELIVERIES.DETAILS,
                        details.isEmpty() ? null : this.json.writeValueAsString(new java.util.TreeMap<>(details)))
                .set(NOTIFICATION_DELIVERIES.URGENT, urgent)
                .set(NOTIFICATION_DELIVERIES.DEDUP_KEY, key)
                .set(NOTIFICATION_DELIVERIES.STATUS, DeliveryStatus.PENDING)
                .set(NOTIFICATION_DELIVERIES.NEXT_ATTEMPT_AT, due)
                .set(NOTIFICATION_DELIVERIES.CREATED_AT, now)
                .onConflict(NOTIFICATION_DELIVERIES.TENANT_ID, NOTIFICATION_DELIVERIES.DEDUP_KEY)
                .doNothing()
                .execute();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Long keys are hashed so any caller's key fits the column. */
    private static String key(String key) {
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
