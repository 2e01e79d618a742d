package dev.baton.platform.internal;

import tools.jackson.core.JacksonException;

/** Renders the location of a JSON binding error as {@code fields[3].key}. */
final class JsonPaths {

    private JsonPaths() {}

    static String of(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
