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
    private final Cache<Key, Integer> versions =
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
        Optional<Integer> version = this.templates.currentVersion(tenantId, templateId);
        version.ifPresentOrElse(
                v -> this.versions.put(new Key(tenantId, templateId), v),
                () -> this.versions.invalidate(new Key(tenantId, templateId)));
        return version.map(v -> new TemplateCatalog.CurrentFields(templateId, v, fields(tenantId, templateId, v)));
    }

    /**
     * The template's fields at the version last seen as current, without reading it: for writes that check the
     * version in their own statement and call {@link #current} when it has moved on.
     */
    Optional<TemplateCatalog.CurrentFields> lastSeen(long tenantId, long templateId) {
        Integer v = this.versions.getIfPresent(new Key(tenantId, templateId));
        return v == null
                ? current(tenantId, templateId)
                : Optional.of(new TemplateCatalog.CurrentFields(templateId, v, fields(tenantId, templateId, v)));
    }

    Optional<TemplateCatalog.Header> header(long tenantId, long templateId) {
        return this.headers.get(new Key(tenantId, templateId), k -> this.templates.header(tenantId, templateId));
    }
}
