package dev.baton.org.internal;

import dev.baton.platform.AuditTrail;
import dev.baton.platform.BatonSettings;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.ValidationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tenants, managed by platform administrators (tenant {@code platform}). */
@RestController
@RequestMapping("/api/v1/platform/tenants")
@PreAuthorize("hasAuthority('platform.manage')")
class PlatformTenantController {

    private final TenantProvisioning provisioning;
    private final TenantRepository tenants;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    PlatformTenantController(
            TenantProvisioning provisioning, TenantRepository tenants, PasswordEncoder passwords, AuditTrail audit) {
        this.provisioning = provisioning;
        this.tenants = tenants;
        this.passwords = passwords;
        this.audit = audit;
    }

    @GetMapping
    PageResult<Tenant> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return this.tenants.page(PageQuery.of(page, size, sort, Set.of("code", "name", "createdAt"), "createdAt,asc"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    CreatedTenant create(@Valid @RequestBody CreateTenant cmd) {
        if (this.tenants.findByCode(cmd.code()).isPresent()) {
            throw new ValidationException("code", "{tenant.code.taken}");
        }
        if (cmd.admin().password().equals(BatonSettings.DEMO_PASSWORD)) {
            throw new ValidationException("admin.password", "{user.password.demo}");
        }
        var admin = new TenantProvisioning.AdminAccount(
                cmd.admin().username(),
                cmd.admin().displayName(),
                cmd.admin().email(),
                this.passwords.encode(cmd.admin().password()));
        var created = this.provisioning.provision(cmd.code(), cmd.name().strip(), admin);
        this.audit.record("tenant.create", "tenant", created.tenantId(), cmd.code());
        Tenant tenant = this.tenants.findById(created.tenantId()).orElseThrow();
        return new CreatedTenant(tenant.id(), tenant.code(), tenant.name(), created.adminUserId(), tenant.createdAt());
    }

    record CreateTenant(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,31}", message = "{tenant.code.pattern}")
            String code,

            @NotBlank @Size(max = 100) String name,
            @NotNull @Valid AdminRequest admin) {}

    record AdminRequest(
            @NotBlank @Pattern(regexp = UserCommand.USERNAME, message = "{user.username.pattern}")
            String username,

            @NotBlank @Size(max = 100) String displayName,

            @NotBlank @Size(min = 8, max = 128, message = "{user.password.length}")
            String password,

            @Nullable @Email String email) {}

    record CreatedTenant(long id, String code, String name, long adminUserId, Instant createdAt) {}
}
