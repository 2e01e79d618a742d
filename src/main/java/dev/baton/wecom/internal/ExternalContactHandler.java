package dev.baton.wecom.internal;

import dev.baton.customer.CustomerSync;
import dev.baton.platform.BatonException;
import java.util.Map;
import java.util.Set;
import me.chanjar.weixin.common.error.WxErrorException;
import org.springframework.stereotype.Component;

/**
 * {@code change_external_contact}: whatever the change (added, edited, added without verification, deleted by the
 * employee, or the employee deleted by the contact), the contact is read again from WeCom and its customer brought
 * in step — a contact still followed by another employee stays linked; one WeCom no longer knows is unlinked (marked,
 * never deleted, with its customer and tickets). Reading it again rather than trusting the event makes a repeated,
 * late or out-of-order callback harmless. If WeCom cannot be reached the outcome is {@code failed} and the next full
 * sync catches up.
 */
@Component
class ExternalContactHandler implements CallbackEventHandler {

    private static final Set<String> CHANGES = Set.of(
            "add_external_contact",
            "edit_external_contact",
            "add_half_external_contact",
            "del_external_contact",
            "del_follow_user");

    private final TenantServices services;
    private final WeComCustomers wecom;
    private final CustomerSync customers;

    ExternalContactHandler(TenantServices services, WeComCustomers wecom, CustomerSync customers) {
        this.services = services;
        this.wecom = wecom;
        this.customers = customers;
    }

    @Override
    public Set<String> events() {
        return Set.of("change_external_contact");
    }

    @Override
    public Outcome handle(long tenantId, Map<String, String> fields) {
        String change = fields.getOrDefault("ChangeType", "");
        String externalUserId = fields.getOrDefault("ExternalUserID", "");
        if (!CHANGES.contains(change)) {
            return Outcome.ignored("change_external_contact/" + change + " not handled");
        }
        if (externalUserId.isEmpty()) {
            return Outcome.failed("no ExternalUserID");
        }
        var wx = this.services.of(tenantId).orElse(null);
        if (wx == null) {
            return Outcome.failed("WeCom is not configured");
        }
        try {
            var contact = this.wecom.contact(wx, externalUserId);
            CustomerSync.Change done = contact.isPresent()
                    ? this.customers.contact(tenantId, contact.get(), 0)
                    : this.customers.contactGone(tenantId, externalUserId);
            return Outcome.done(
                    change + " " + externalUserId + ": " + done.name().toLowerCase(java.util.Locale.ROOT));
        } catch (WxErrorException e) {
            return Outcome.failed("WeCom refused " + externalUserId + ": " + e.getError());
        } catch (BatonException e) {
            return Outcome.failed("WeCom unavailable for " + externalUserId + ": " + e.type());
        }
    }
}
