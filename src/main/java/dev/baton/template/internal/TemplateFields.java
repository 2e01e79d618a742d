package dev.baton.template.internal;

import dev.baton.platform.FieldError;
import dev.baton.platform.RoleCatalog;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldDefinitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns submitted field JSON into checked definitions: unknown types, contradictory rules, bad
 * regexes, duplicate keys and role codes the tenant does not have are all reported together.
 */
@Component
class TemplateFields {

    /** Well above the 200 fields Baton promises, low enough to bound a single template's size. */
    static final int MAX_FIELDS = 500;

    private final RoleCatalog roles;

    TemplateFields(RoleCatalog roles) {
        this.roles = roles;
    }

    /** Normalised field JSON; problems are appended to {@code errors}. */
    List<FieldJson> check(long tenantId, List<FieldJson> fields, List<FieldError> errors) {
        if (fields.size() > MAX_FIELDS) {
            errors.add(new FieldError("fields", "{fielddef.too-many}"));
            return List.of();
        }
        List<FieldDefinition> defs = new ArrayList<>();
        int before = errors.size();
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition def = fields.get(i).toDefinition("fields[" + i + "]", errors);
            if (def != null) {
                defs.add(def);
            }
        }
        if (errors.size() > before) {
            return List.of();
        }
        errors.addAll(FieldDefinitions.check(defs));
        Set<String> known = this.roles.roleCodes(tenantId);
        for (int i = 0; i < defs.size(); i++) {
            roleCodes(defs.get(i).visibleTo(), known, "fields[" + i + "].visibleTo", errors);
            roleCodes(defs.get(i).editableBy(), known, "fields[" + i + "].editableBy", errors);
        }
        return defs.stream().map(FieldJson::of).toList();
    }

    private static void roleCodes(List<String> codes, Set<String> known, String at, List<FieldError> errors) {
        for (int j = 0; j < codes.size(); j++) {
            if (!known.contains(codes.get(j))) {
                errors.add(new FieldError(at + "[" + j + "]", "{fielddef.role-unknown}"));
            }
        }
    }
}
