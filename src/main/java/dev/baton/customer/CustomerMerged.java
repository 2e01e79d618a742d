package dev.baton.customer;

/**
 * A duplicate customer was merged into another, inside the merge's transaction: listeners move what referred to the
 * duplicate (the ticket module its tickets) in the same transaction.
 */
public record CustomerMerged(long tenantId, long duplicateId, long survivorId) {}
