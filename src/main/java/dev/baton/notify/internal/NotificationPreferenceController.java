package dev.baton.notify.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.FieldError;
import dev.baton.platform.ValidationException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own choices: which channels each event uses (the whole matrix, defaults filled in) and their own
 * quiet hours ({@code null}: the tenant's; a start equal to the end: none).
 */
@RestController
@RequestMapping("/api/v1/notification-preferences")
class NotificationPreferenceController {

    private final Preferences preferences;

    NotificationPreferenceController(Preferences preferences) {
        this.preferences = preferences;
    }

    record Hours(@Nullable String start, @Nullable String end) {}

    record Body(
            @Nullable List<Preferences.Choice> preferences,
            @Nullable Hours quietHours) {}

    @GetMapping
    @Transactional(readOnly = true)
    Body get() {
        CurrentUser me = CurrentUser.require();
        long user = InboxController.user(me);
        Map<String, Boolean> stored = new HashMap<>();
        this.preferences.of(me.tenantId(), user).forEach(c -> stored.put(c.event() + "/" + c.channel(), c.enabled()));
        List<Preferences.Choice> matrix = new ArrayList<>();
        for (String event : Events.ALL) {
            for (Channel channel : Channel.PERSONAL) {
                matrix.add(new Preferences.Choice(
                        event,
                        channel.code(),
                        stored.getOrDefault(event + "/" + channel.code(), channel.onByDefault())));
            }
        }
        Hours hours = this.preferences
                .quietHours(me.tenantId(), user)
                .map(q -> new Hours(q.start(), q.end()))
                .orElse(null);
        return new Body(matrix, hours);
    }

    /** Choices left out keep their current value. */
    @PutMapping
    @Transactional
    Body put(@RequestBody Body body) {
        CurrentUser me = CurrentUser.require();
        long user = InboxController.user(me);
        List<FieldError> errors = new ArrayList<>();
        List<Preferences.Choice> given = body.preferences() == null ? List.of() : body.preferences();
        for (int i = 0; i < given.size(); i++) {
            Preferences.Choice c = given.get(i);
            if (c.event() == null || !Events.known(c.event())) {
                errors.add(new FieldError("preferences[" + i + "].event", "{notify.event.unknown}"));
            }
            if (c.channel() == null
                    || Channel.ofCode(c.channel())
                            .filter(Channel.PERSONAL::contains)
                            .isEmpty()) {
                errors.add(new FieldError("preferences[" + i + "].channel", "{notify.channel.unknown}"));
            }
        }
        Hours hours = body.quietHours();
        if (hours != null) {
            time("quietHours.start", hours.start(), errors);
            time("quietHours.end", hours.end(), errors);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Map<String, Preferences.Choice> merged = new HashMap<>();
        this.preferences.of(me.tenantId(), user).forEach(c -> merged.put(c.event() + "/" + c.channel(), c));
        given.forEach(c -> merged.put(c.event() + "/" + c.channel(), c));
        this.preferences.replace(me.tenantId(), user, merged.values());
        this.preferences.setQuietHours(
                me.tenantId(),
                user,
                hours == null ? null : new Preferences.UserQuietHours(normal(hours.start()), normal(hours.end())));
        return get();
    }

    static void time(String field, @Nullable String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "{notify.time.format}"));
            return;
        }
        try {
            LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "{notify.time.format}"));
        }
    }

    static @Nullable String normal(@Nullable String value) {
        return value == null ? null : LocalTime.parse(value).toString();
    }
}
