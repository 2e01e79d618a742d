package dev.baton.org;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a role may do. Codes are the authorities checked by {@code @PreAuthorize}; labels come from
 * {@code permission.<code>} in the message bundles.
 */
public enum Permission {
    TICKET_READ("ticket.read", "ticket"),
    TICKET_CREATE("ticket.create", "ticket"),
    TICKET_HANDLE("ticket.handle", "ticket"),
    TICKET_ASSIGN("ticket.assign", "ticket"),
    TICKET_DELETE("ticket.delete", "ticket"),
    TEMPLATE_MANAGE("template.manage", "design"),
    FLOW_MANAGE("flow.manage", "design"),
    SLA_MANAGE("sla.manage", "design"),
    CALENDAR_MANAGE("calendar.manage", "design"),
    ASSIGNMENT_MANAGE("assignment.manage", "design"),
    NOTIFY_MANAGE("notify.manage", "admin"),
    REPORT_READ("report.read", "report"),
    ORG_MANAGE("org.manage", "admin"),
    APIKEY_MANAGE("apikey.manage", "admin"),
    SETTINGS_MANAGE("settings.manage", "admin"),
    AUDIT_READ("audit.read", "admin"),
    /** Only meaningful in the platform tenant: create and list tenants. */
    PLATFORM_MANAGE("platform.manage", "platform");

    private final String code;
    private final String group;

    Permission(String code, String group) {
        this.code = code;
        this.group = group;
    }

    public String code() {
        return this.code;
    }

    public String group() {
        return this.group;
    }

    public static Optional<Permission> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
