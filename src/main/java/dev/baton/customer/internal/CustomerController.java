package dev.baton.customer.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.FieldError;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import dev.baton.platform.ValidationException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers: whoever reads tickets may read them, whoever creates tickets may create and edit them (the sidebar
 * opens a customer with the ticket), and a supervisor ({@code ticket.assign}) merges duplicates.
 */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final Customers customers;

    CustomerController(Customers customers) {
        this.customers = customers;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('ticket.read')")
    PageResult<CustomerView> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String tag) {
        return this.customers.list(
                CurrentUser.require().tenantId(),
                PageQuery.of(page, size, sort, Customers.SORT_KEYS, "createdAt,desc"),
                q,
                level,
                tag);
    }

    /** The customer linked to a WeCom external contact or to a group chat: exactly one of the two is given. */
    @GetMapping("/by-wecom")
    @PreAuthorize("hasAuthority('ticket.read')")
    CustomerView byWeCom(
            @RequestParam(required = false) @Nullable String externalUserId,
            @RequestParam(required = false) @Nullable String chatId) {
        boolean external = externalUserId != null && !externalUserId.isBlank();
        boolean chat = chatId != null && !chatId.isBlank();
        if (external == chat) {
            String message = external ? "{customer.by-wecom.both}" : "{validation.required}";
            throw new ValidationException(
                    List.of(new FieldError("externalUserId", message), new FieldError("chatId", message)));
        }
        long tenantId = CurrentUser.require().tenantId();
        return external
                ? this.customers.byWeCom(tenantId, Customers.EXTERNAL, java.util.Objects.requireNonNull(externalUserId))
                : this.customers.byWeCom(tenantId, Customers.GROUP, java.util.Objects.requireNonNull(chatId));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('ticket.read')")
    CustomerView get(@PathVariable long id) {
        return this.customers.get(CurrentUser.require().tenantId(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('ticket.create')")
    CustomerView create(@RequestBody CustomerCommand cmd) {
        return this.customers.create(CurrentUser.require().tenantId(), cmd);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('ticket.create')")
    CustomerView update(@PathVariable long id, @RequestBody CustomerCommand cmd) {
        return this.customers.update(CurrentUser.require().tenantId(), id, cmd);
    }

    /** @param version the survivor's version; {@code duplicateVersion} the duplicate's */
    record Merge(
            @Nullable Long duplicateId,
            @Nullable Integer version,
            @Nullable Integer duplicateVersion) {}

    @PostMapping("/{id}/merge")
    @PreAuthorize("hasAuthority('ticket.assign')")
    CustomerView merge(@PathVariable long id, @RequestBody Merge m) {
        if (m.duplicateId() == null || m.version() == null || m.duplicateVersion() == null) {
            throw new ValidationException(java.util.stream.Stream.of(
                            m.duplicateId() == null ? "duplicateId" : null,
                            m.version() == null ? "version" : null,
                            m.duplicateVersion() == null ? "duplicateVersion" : null)
                    .filter(java.util.Objects::nonNull)
                    .map(f -> new dev.baton.platform.FieldError(f, "{validation.required}"))
                    .toList());
        }
        return this.customers.merge(
                CurrentUser.require().tenantId(), id, m.duplicateId(), m.version(), m.duplicateVersion());
    }
}
