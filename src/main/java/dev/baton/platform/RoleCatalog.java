package dev.baton.platform;

import java.util.Set;

/**
 * The role codes a tenant has, for modules that write rules against roles (field permissions) and
 * must refuse a code that does not exist. Implemented by the organisation module.
 */
public interface RoleCatalog {

    Set<String> roleCodes(long tenantId);
}
