package dev.baton.template;

import java.util.List;

/**
 * Shows a field only while another field holds one of {@code values} (compared as text; for a
 * multi-select, any selected option counts). A hidden field is never required.
 */
public record VisibleWhen(String fieldKey, List<String> values) {

    public VisibleWhen {
        values = List.copyOf(values);
    }
}
