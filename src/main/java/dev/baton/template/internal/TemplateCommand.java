package dev.baton.template.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Request bodies for templates. */
final class TemplateCommand {

    private TemplateCommand() {}

    static final String CODE = "[a-z][a-z0-9_-]{1,63}";

    record Create(
            @NotBlank @Size(max = 100) String name,

            @NotBlank @Pattern(regexp = CODE, message = "{template.code.pattern}")
            String code,

            @Nullable @Size(max = 64) String category,
            @Nullable @Size(max = 2000) String description,
            @Nullable @Size(max = 64) String icon,
            @Nullable Boolean enabled,
            @Nullable Map<String, String> statusNames,
            @NotNull List<@NotNull FieldJson> fields) {}

    record Edit(
            @NotBlank @Size(max = 100) String name,
            @Nullable @Size(max = 64) String category,
            @Nullable @Size(max = 2000) String description,
            @Nullable @Size(max = 64) String icon,
            @Nullable Boolean enabled,
            @Nullable Map<String, String> statusNames,
            @NotNull List<@NotNull FieldJson> fields,
            @NotNull Integer version) {}

    record Clone(
            @NotBlank @Size(max = 100) String name,

            @NotBlank @Pattern(regexp = CODE, message = "{template.code.pattern}")
            String code) {}
}
