package dev.baton.template.internal;

import dev.baton.platform.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The six steps a customer sees (已提交 → 已受理 → 处理中 → 待确认 → 已完成 → 已评价). A template may rename
 * them ("师傅已接单" instead of "已受理") but not add or drop steps, so every customer page stays alike.
 */
final class CustomerSteps {

    static final Map<String, String> DEFAULTS = defaults();

    private CustomerSteps() {}

    /** The defaults overlaid with the template's names; unknown steps and bad labels go to {@code errors}. */
    static Map<String, String> resolve(@Nullable Map<String, String> names, List<FieldError> errors) {
        Map<String, String> resolved = new LinkedHashMap<>(DEFAULTS);
        if (names == null) {
            return resolved;
        }
        names.forEach((step, label) -> {
            if (!DEFAULTS.containsKey(step)) {
                errors.add(new FieldError("statusNames." + step, "{template.status.unknown}"));
            } else if (label == null || label.isBlank() || label.strip().length() > 20) {
                errors.add(new FieldError("statusNames." + step, "{template.status.label}"));
            } else {
                resolved.put(step, label.strip());
            }
        });
        return resolved;
    }

    private static Map<String, String> defaults() {
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("submitted", "已提交");
        steps.put("accepted", "已受理");
        steps.put("in_progress", "处理中");
        steps.put("awaiting_confirmation", "待确认");
        steps.put("done", "已完成");
        steps.put("rated", "已评价");
        return java.util.Collections.unmodifiableMap(steps);
    }
}
