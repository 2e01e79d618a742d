package dev.baton.sla.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of creating ({@code version} absent) and replacing ({@code version} required) a calendar. Times and
 * dates arrive as strings so that each bad one is reported at its own path ({@code windows.MONDAY[1]}).
 */
record CalendarCommand(
        @NotBlank @Size(max = 100) String name,
        @Nullable String zone,
        @NotNull Map<String, @Nullable List<@Nullable List<@Nullable String>>> windows,
        @Nullable List<@Nullable String> holidays,
        @Nullable List<@Nullable String> workdays,
        @Nullable Map<String, @Nullable String> workdayWindows,
        @JsonProperty("default") @Nullable Boolean isDefault,
        @Nullable Long departmentId,
        @Nullable String customerLevel,
        @Nullable Integer version) {}
