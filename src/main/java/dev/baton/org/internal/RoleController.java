package dev.baton.org.internal;

import dev.baton.org.Permission;
import dev.baton.platform.CurrentUser;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Roles, and the catalogue of permissions a role can grant. */
@RestController
class RoleController {

    private final Roles roles;
    private final MessageSource messages;

    RoleController(Roles roles, MessageSource messages) {
        this.roles = roles;
        this.messages = messages;
    }

    @GetMapping("/api/v1/roles")
    List<RoleView> list() {
        return this.roles.all(CurrentUser.require().tenantId());
    }

    @GetMapping("/api/v1/roles/{id}")
    RoleView get(@PathVariable long id) {
        return this.roles.get(CurrentUser.require().tenantId(), id);
    }

    @PostMapping("/api/v1/roles")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('org.manage')")
    RoleView create(@Valid @RequestBody RoleCommand.Create cmd) {
        return this.roles.create(CurrentUser.require().tenantId(), cmd);
    }

    @PutMapping("/api/v1/roles/{id}")
    @PreAuthorize("hasAuthority('org.manage')")
    RoleView update(@PathVariable long id, @Valid @RequestBody RoleCommand.Edit cmd) {
        return this.roles.update(CurrentUser.require().tenantId(), id, cmd);
    }

    @DeleteMapping("/api/v1/roles/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('org.manage')")
    void delete(@PathVariable long id) {
        this.roles.delete(CurrentUser.require().tenantId(), id);
    }

    @GetMapping("/api/v1/permissions")
    List<PermissionView> permissions() {
        return Arrays.stream(Permission.values())
                .filter(p -> p != Permission.PLATFORM_MANAGE)
                .map(p -> new PermissionView(
                        p.code(),
                        p.group(),
                        this.messages.getMessage(
                                "permission." + p.code(), null, p.code(), LocaleContextHolder.getLocale())))
                .toList();
    }

    record PermissionView(String code, String group, String name) {}
}
