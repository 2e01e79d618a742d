package dev.baton.assignment.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import java.util.List;
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

/** Routing rules (派单规则), ordered, first match wins; {@code assignment.manage}. */
@RestController
@RequestMapping("/api/v1/assignment/rules")
@PreAuthorize("hasAuthority('assignment.manage')")
class RuleController {

    private final Rules rules;

    RuleController(Rules rules) {
        this.rules = rules;
    }

    @GetMapping
    PageResult<RuleView> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return this.rules.list(
                CurrentUser.require().tenantId(), PageQuery.of(page, size, sort, Rules.SORT_KEYS, "position,asc"));
    }

    @GetMapping("/{id}")
    RuleView get(@PathVariable long id) {
        return this.rules.get(CurrentUser.require().tenantId(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RuleView create(@RequestBody RuleCommand cmd) {
        return this.rules.create(CurrentUser.require().tenantId(), cmd);
    }

    @PutMapping("/{id}")
    RuleView update(@PathVariable long id, @RequestBody RuleCommand cmd) {
        return this.rules.update(CurrentUser.require().tenantId(), id, cmd);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestParam int version) {
        this.rules.delete(CurrentUser.require().tenantId(), id, version);
    }

    record Order(@Nullable List<Long> ids) {}

    /** The rules in their new order: {@code {"ids": [3, 1, 2]}}, every rule once. */
    @PutMapping("/order")
    List<RuleView> reorder(@RequestBody Order order) {
        return this.rules.reorder(CurrentUser.require().tenantId(), order.ids());
    }
}
