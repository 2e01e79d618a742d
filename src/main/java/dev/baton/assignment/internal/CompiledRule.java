package dev.baton.assignment.internal;

import dev.cel.runtime.CelRuntime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A rule ready to decide with: condition values as sets in their compared form, the expression compiled. */
record CompiledRule(
        long id,
        String name,
        Set<Long> templateIds,
        Set<String> templateCodes,
        Set<String> sources,
        Set<String> channels,
        Set<String> customerLevels,
        List<String> customerRegions,
        Set<String> priorities,
        Set<String> keywords,
        CelRuntime.@Nullable Program expression,
        RuleDefinition.Target target,
        RuleDefinition.Strategy strategy,
        RuleDefinition.Fallback fallback) {

    static CompiledRule of(long id, String name, RuleDefinition d) {
        RuleDefinition.Conditions c = d.conditions();
        return new CompiledRule(
                id,
                name,
                Set.copyOf(c.templateIdList()),
                lower(c.templateCodes()),
                lower(c.sources()),
                lower(c.channels()),
                lower(c.customerLevels()),
                RuleDefinition.Conditions.list(c.customerRegions()),
                lower(c.priorities()),
                RuleDefinition.Conditions.list(c.keywords()).stream()
                        .map(Text::normalize)
                        .collect(Collectors.toUnmodifiableSet()),
                c.expression() == null || c.expression().isBlank() ? null : RuleExpressions.compile(c.expression()),
                d.target(),
                d.strategy(),
                d.fallback());
    }

    private static Set<String> lower(@Nullable List<String> values) {
        return RuleDefinition.Conditions.list(values).stream()
                .map(Text::normalize)
                .collect(Collectors.toUnmodifiableSet());
    }
}
