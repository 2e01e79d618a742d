package dev.baton.org.internal;

import dev.baton.platform.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/api-keys")
@PreAuthorize("hasAuthority('apikey.manage')")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    List<ApiKeys.ApiKeyView> list() {
        return this.keys.list(CurrentUser.require().tenantId());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeys.ApiKeyView create(@Valid @RequestBody CreateApiKey cmd) {
        return this.keys.create(CurrentUser.require(), cmd.name(), cmd.roleIds(), cmd.expiresAt());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        this.keys.revoke(CurrentUser.require().tenantId(), id);
    }

    record CreateApiKey(
            @NotBlank @Size(max = 100) String name,
            @NotEmpty List<@NotNull Long> roleIds,
            @Nullable Instant expiresAt) {}
}
