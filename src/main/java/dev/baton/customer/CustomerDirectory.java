package dev.baton.customer;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What other modules may know of a customer: the facts routing, SLA policies and flow conditions look at. */
public interface CustomerDirectory {

    /** The customer (a merged duplicate answers as the customer it was merged into), or empty when unknown. */
    Optional<Facts> facts(long tenantId, long customerId);

    /** @param id the customer's own id (the survivor's, for a merged duplicate) */
    record Facts(
            long id, String name, String level, @Nullable String region, List<String> tags) {}
}
