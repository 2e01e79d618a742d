package dev.baton.sla.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** SLA policies, in the order they are tried; {@code sla.manage} reads and changes them. */
@RestController
@RequestMapping("/api/v1/sla-policies")
@PreAuthorize("hasAuthority('sla.manage')")
class PolicyController {

    private final Policies policies;

    PolicyController(Policies policies) {
        this.policies = policies;
    }

    /** Always in list order ({@code position}); {@code sort} accepts only that. */
    @GetMapping
    PageResult<PolicyView> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return this.policies.list(
                CurrentUser.require().tenantId(), PageQuery.of(page, size, sort, Set.of("position"), "position"));
    }

    @GetMapping("/{id}")
    PolicyView get(@PathVariable long id) {
        return this.policies.get(CurrentUser.require().tenantId(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PolicyView create(@Valid @RequestBody PolicyCommand cmd) {
        return this.policies.create(CurrentUser.require().tenantId(), cmd);
    }

    @PutMapping("/{id}")
    PolicyView update(@PathVariable long id, @Valid @RequestBody PolicyCommand cmd) {
        return this.policies.update(CurrentUser.require().tenantId(), id, cmd);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestParam int version) {
        this.policies.delete(CurrentUser.require().tenantId(), id, version);
    }

    @PutMapping("/order")
    List<PolicyView> reorder(@RequestBody PolicyCommand.Order order) {
        return this.policies.reorder(CurrentUser.require().tenantId(), order);
    }
}
