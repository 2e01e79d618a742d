package dev.baton.template;

import java.util.List;
import java.util.Optional;

/** What other modules may ask about templates: the field definitions new tickets are created with. */
public interface TemplateCatalog {

    /** The current field definitions of a (not deleted) template of the tenant. */
    Optional<CurrentFields> currentFields(long tenantId, long templateId);

    /** The field definitions of one version of a (not deleted) template of the tenant. */
    Optional<CurrentFields> fieldsOf(long tenantId, long templateId, int version);

    /** The definitions of one version of a template. */
    record CurrentFields(long templateId, int version, List<FieldDefinition> fields) {}
}
