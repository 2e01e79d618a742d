package dev.baton.org.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Create a department. */
record DepartmentCommand(
        @NotBlank @Size(max = 100) String name,
        @Nullable Long parentId,
        @Nullable Long leaderUserId,
        @Nullable Integer sortOrder) {

    /** Same command, version required: edits must say which version they change. */
    record Edit(
            @NotBlank @Size(max = 100) String name,
            @Nullable Long parentId,
            @Nullable Long leaderUserId,
            @Nullable Integer sortOrder,
            @NotNull Integer version) {}
}
