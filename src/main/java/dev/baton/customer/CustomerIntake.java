package dev.baton.customer;

/**
 * Finding or creating the customer behind a contact who has no account (a public form's submitter, the sender of
 * an inbound mail). Acts as Baton itself: the audit trail records the creation with no user.
 */
public interface CustomerIntake {

    /**
     * The tenant's (unmerged, oldest) customer with this phone, or a new standard-level one named {@code name}.
     *
     * @param phone a Chinese mobile number, already validated by the caller
     */
    long findOrCreateByPhone(long tenantId, String phone, String name);

    /** A new standard-level customer without a phone (an email sender). */
    long createContact(long tenantId, String name);
}
