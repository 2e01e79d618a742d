package dev.baton.org.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import jakarta.validation.Valid;
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

/** Users, always within the caller's data scope; users are deactivated, never deleted. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    @GetMapping
    PageResult<UserView> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Long departmentId,
            @RequestParam(required = false) @Nullable Boolean active) {
        PageQuery paging = PageQuery.of(page, size, sort, Users.SORT_KEYS, "username,asc");
        return this.users.search(CurrentUser.require(), new UserFilter(q, departmentId, active), paging);
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable long id) {
        return this.users.get(CurrentUser.require(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('org.manage')")
    UserView create(@Valid @RequestBody UserCommand.Create cmd) {
        return this.users.create(CurrentUser.require(), cmd);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('org.manage')")
    UserView update(@PathVariable long id, @Valid @RequestBody UserCommand.Edit cmd) {
        return this.users.update(CurrentUser.require(), id, cmd);
    }
}
