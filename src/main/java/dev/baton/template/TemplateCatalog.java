package dev.baton.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What other modules may ask about templates: the field definitions new tickets are created with. */
public interface TemplateCatalog {

    /** The current field definitions of a (not deleted) template of the tenant. */
    Optional<CurrentFields> currentFields(long tenantId, long templateId);

    /**
     * The current version of a (not deleted) template of the tenant: one indexed read, for callers that cache
     * {@link #fieldsOf} (versions never change) and need only to know which one is current.
     */
    Optional<Integer> currentVersion(long tenantId, long templateId);

    /** The field definitions of one version of a (not deleted) template of the tenant. */
    Optional<CurrentFields> fieldsOf(long tenantId, long templateId, int version);

    /** The id of the tenant's (not deleted) template with this code. */
    Optional<Long> idOf(long tenantId, String code);

    /** Name, code and customer-visible step labels of a (not deleted) template of the tenant. */
    Optional<Header> header(long tenantId, long templateId);

    /**
     * @param statusNames customer-visible step code ({@code accepted}) → the label this template shows
     *     instead of the default, e.g. 师傅已接单
     */
    record Header(long id, String code, String name, boolean enabled, Map<String, String> statusNames) {
        public Header {
            statusNames = Map.copyOf(statusNames);
        }
    }

    /** The definitions of one version of a template. */
    record CurrentFields(long templateId, int version, List<FieldDefinition> fields) {}
}
