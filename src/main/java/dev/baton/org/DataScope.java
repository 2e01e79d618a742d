package dev.baton.org;

/** Which records a role sees, decided inside the query, never by filtering afterwards. */
public enum DataScope {
    /** Everything in the tenant. */
    ALL,
    /** The user's own departments and all their sub-departments. */
    DEPARTMENT_TREE,
    /** The user's own departments only. */
    DEPARTMENT,
    /** The departments chosen on the role. */
    CUSTOM,
    /** Only what concerns the user. */
    SELF
}
