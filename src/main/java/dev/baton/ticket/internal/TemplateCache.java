package dev.baton.ticket.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.baton.template.FieldDefinition;
import dev.baton.template.TemplateCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Template facts every ticket read and action needs. Field versions never change, so they are cached for
 * good; headers (name, step labels) briefly, so a renamed step shows within seconds.
 */
@Component
class TemplateCache {

    private record VersionKey(long tenantId, long templateId, int version) {}

    private record Key(long tenantId, long templateId) {}

    private final TemplateCatalog templates;
    private final Cache<VersionKey, List<FieldDefinition>> fields =
            Caffeine.newBuilder().maximumSize(5_000).build();
    private final Cache<Key, Optional<TemplateCatalog.Header>> headers = Caffeine.newBuilder()
            .maximumSize(5_000)
            .expireAfterWrite(Duration.ofSeconds(5))
            .build();

    TemplateCache(TemplateCatalog templates) {
        this.templates = templates;
    }

    List<FieldDefinition> fields(long tenantId, long templateId, int version) {
        return this.fields.get(
                new VersionKey(tenantId, templateId, version),
                k -> this.templates
                        .fieldsOf(tenantId, templateId, version)
                        .map(TemplateCatalog.CurrentFields::fields)
                        .orElse(List.of()));
    }

    /** The template's current fields: the version is read every time (an edit applies at once), its fields cached. */
    Optional<TemplateCatalog.CurrentFields> current(long tenantId, long templateId) {
        return this.templates
                .currentVersion(tenantId, templateId)
                .map(v -> new TemplateCatalog.CurrentFields(templateId, v, fields(tenantId, templateId, v)));
    }

    Optional<TemplateCatalog.Header> header(long tenantId, long templateId) {
        return this.headers.get(new Key(tenantId, templateId), k -> this.templates.header(tenantId, templateId));
    }
}
