package dev.baton.sla.internal;

import dev.baton.sla.BusinessDuration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A named SLA policy: which tickets it covers and what it asks of them. Immutable; built from a checked row. */
record SlaPolicy(
        long id,
        String name,
        int position,
        boolean enabled,
        @Nullable Long calendarId,
        PolicyDefinition definition) {

    /** What a policy can be matched on, known from the ticket's creation. */
    record Subject(
            long templateId, String priority, @Nullable String customerLevel, String source) {}

    boolean matches(Subject s) {
        PolicyDefinition.Match m = this.definition.match();
        return this.enabled
                && (m.templateIds().isEmpty() || m.templateIds().contains(s.templateId()))
                && (m.priorities().isEmpty() || m.priorities().contains(s.priority()))
                && (m.customerLevels().isEmpty()
                        || (s.customerLevel() != null && m.customerLevels().contains(s.customerLevel())))
                && (m.sources().isEmpty() || m.sources().contains(s.source()));
    }

    SlaTargets targets() {
        Map<String, BusinessDuration> nodes = new LinkedHashMap<>();
        this.definition.nodes().forEach((k, v) -> nodes.put(k, duration(v)));
        return new SlaTargets(
                optional(this.definition.firstResponse()),
                optional(this.definition.resolution()),
                nodes,
                java.util.Set.copyOf(this.definition.pauseStatuses()));
    }

    Duration reminderBefore() {
        return duration(this.definition.reminderBefore()).time();
    }

    List<BusinessDuration> escalationOffsets() {
        return this.definition.escalations().stream()
                .map(e -> duration(e.after()))
                .toList();
    }

    /** The first enabled policy in list order that matches; policies are kept sorted by position. */
    static java.util.Optional<SlaPolicy> firstMatch(List<SlaPolicy> ordered, Subject subject) {
        return ordered.stream().filter(p -> p.matches(subject)).findFirst();
    }

    private static @Nullable BusinessDuration optional(@Nullable String iso) {
        return iso == null ? null : duration(iso);
    }

    private static BusinessDuration duration(String iso) {
        return BusinessDuration.parse(iso).orElseThrow(() -> new IllegalStateException("stored bad duration " + iso));
    }
}
