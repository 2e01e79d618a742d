package dev.baton.platform;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Paging and sorting parameters, validated against the sort keys an endpoint offers, so an unknown
 * sort key is a 400 naming it rather than a silently ignored parameter.
 */
public record PageQuery(int page, int size, String sortKey, boolean ascending) {

    public static final int MAX_SIZE = 200;

    public int offset() {
        return this.page * this.size;
    }

    /**
     * @param sort {@code key} or {@code key,asc|desc}; null picks the default
     */
    public static PageQuery of(
            @Nullable Integer page,
            @Nullable Integer size,
            @Nullable String sort,
            Set<String> sortKeys,
            String defaultSort) {
        List<FieldError> errors = new java.util.ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            errors.add(new FieldError("page", "{paging.page}"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new FieldError("size", "{paging.size}"));
        }
        String[] parts = (sort == null || sort.isBlank() ? defaultSort : sort).split(",", -1);
        String key = parts[0].trim();
        boolean asc = true;
        if (!sortKeys.contains(key)) {
            errors.add(new FieldError("sort", "{paging.sort-key}"));
        }
        if (parts.length > 2 || (parts.length == 2 && !parts[1].trim().matches("(?i)asc|desc"))) {
            errors.add(new FieldError("sort", "{paging.sort-direction}"));
        } else if (parts.length == 2) {
            asc = parts[1].trim().equalsIgnoreCase("asc");
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PageQuery(p, s, key, asc);
    }
}
