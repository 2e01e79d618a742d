package dev.baton.template.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The attributes of a template row, validated and normalised. */
record TemplateData(
        String code,
        String name,
        @Nullable String category,
        @Nullable String description,
        @Nullable String icon,
        boolean enabled,
        Map<String, String> statusNames) {}
