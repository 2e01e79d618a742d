package dev.baton.notify.internal;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.FieldError;
import dev.baton.platform.ValidationException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's quiet hours (for users without their own) and outgoing webhook. The webhook secret is never shown
 * again; {@code webhookSecretSet} tells whether there is one, and leaving it out of a change keeps it.
 */
@RestController
@RequestMapping("/api/v1/notification-settings")
@PreAuthorize("hasAuthority('notify.manage')")
class NotificationSettingsController {

    private final TenantSettings settings;
    private final AuditTrail audit;

    NotificationSettingsController(TenantSettings settings, AuditTrail audit) {
        this.settings = settings;
        this.audit = audit;
    }

    record View(
            NotificationPreferenceController.@Nullable Hours quietHours,
            String zone,
            @Nullable String webhookUrl,
            boolean webhookSecretSet,
            boolean enabled,
            int version) {}

    record Body(
            NotificationPreferenceController.@Nullable Hours quietHours,
            @Nullable String zone,
            @Nullable String webhookUrl,
            @Nullable String webhookSecret,
            @Nullable Boolean enabled,
            @Nullable Integer version) {}

    @GetMapping
    View get() {
        TenantSettings.Settings s = this.settings.of(CurrentUser.require().tenantId());
        return new View(
                s.quietStart() == null || s.quietEnd() == null
                        ? null
                        : new NotificationPreferenceController.Hours(
                                s.quietStart().toString(), s.quietEnd().toString()),
                s.zone().getId(),
                s.webhookUrl(),
                s.webhookSecret() != null,
                s.enabled(),
                s.version());
    }

    @PutMapping
    @Transactional
    View put(@RequestBody Body body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.version() == null) {
            errors.add(new FieldError("version", "{notify.version.required}"));
        }
        if (body.quietHours() != null) {
            NotificationPreferenceController.time(
                    "quietHours.start", body.quietHours().start(), errors);
            NotificationPreferenceController.time(
                    "quietHours.end", body.quietHours().end(), errors);
        }
        ZoneId zone = ZoneId.of(TenantSettings.DEFAULT_ZONE);
        if (body.zone() != null) {
            try {
                zone = ZoneId.of(body.zone());
            } catch (DateTimeException e) {
                errors.add(new FieldError("zone", "{calendar.zone.unknown}"));
            }
        }
        String url = body.webhookUrl() == null || body.webhookUrl().isBlank() ? null : body.webhookUrl();
        if (url != null && !httpUrl(url)) {
            errors.add(new FieldError("webhookUrl", "{notify.webhook.url}"));
        }
        if (body.webhookSecret() != null && body.webhookSecret().length() > 200) {
            errors.add(new FieldError("webhookSecret", "{notify.webhook.secret}"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        var hours = body.quietHours();
        long tenant = CurrentUser.require().tenantId();
        this.settings.save(
                tenant,
                new TenantSettings.Settings(
                        hours == null
                                ? null
                                : TenantSettings.time(NotificationPreferenceController.normal(hours.start())),
                        hours == null
                                ? null
                                : TenantSettings.time(NotificationPreferenceController.normal(hours.end())),
                        zone,
                        url,
                        body.webhookSecret(),
                        body.enabled() == null || body.enabled(),
                        0),
                body.version() == null ? 0 : body.version());
        // the secret stays out of the audit trail
        this.audit.record(
                "notification-settings.update",
                "notification-settings",
                tenant,
                "quietHours=" + (hours == null ? "none" : hours.start() + "-" + hours.end()) + " webhook=" + url
                        + " enabled=" + (body.enabled() == null || body.enabled()));
        return get();
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
