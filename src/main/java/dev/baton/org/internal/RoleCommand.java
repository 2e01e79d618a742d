package dev.baton.org.internal;

import dev.baton.org.DataScope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Request bodies for roles; the code is fixed once created. */
final class RoleCommand {

    private RoleCommand() {}

    record Create(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{1,63}", message = "{role.code.pattern}")
            String code,

            @NotBlank @Size(max = 100) String name,
            @NotNull List<@NotBlank String> permissions,
            @NotNull DataScope dataScope,
            @Nullable List<@NotNull Long> scopeDepartmentIds) {}

    record Edit(
            @NotBlank @Size(max = 100) String name,
            @NotNull List<@NotBlank String> permissions,
            @NotNull DataScope dataScope,
            @Nullable List<@NotNull Long> scopeDepartmentIds,
            @NotNull Integer version) {}
}
