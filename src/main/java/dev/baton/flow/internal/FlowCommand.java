package dev.baton.flow.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/** Request bodies for flows. The definition is taken as any JSON and checked by the flow parser. */
final class FlowCommand {

    private FlowCommand() {}

    record Create(
            @NotBlank @Size(max = 100) String name,
            @NotNull Long templateId,
            @NotNull JsonNode definition) {}

    record Edit(
            @NotBlank @Size(max = 100) String name,
            @NotNull JsonNode definition,
            @NotNull Integer version) {}

    record Clone(@NotBlank @Size(max = 100) String name) {}
}
