package dev.baton.assignment.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A classification keyword: finding it sets any of category, template, priority and tags. */
record KeywordCommand(
        @Nullable String keyword,
        @Nullable String category,
        @Nullable Long templateId,
        @Nullable String priority,
        @Nullable List<String> tags,
        @Nullable Integer version) {}
