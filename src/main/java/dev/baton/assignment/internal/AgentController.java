package dev.baton.assignment.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Agents' routing profiles (skills, region, availability, cap); {@code assignment.manage}. */
@RestController
@RequestMapping("/api/v1/assignment/agents")
@PreAuthorize("hasAuthority('assignment.manage')")
class AgentController {

    private final AgentService agents;

    AgentController(AgentService agents) {
        this.agents = agents;
    }

    @GetMapping
    PageResult<AgentView> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return this.agents.list(
                CurrentUser.require().tenantId(), PageQuery.of(page, size, sort, AgentService.SORT_KEYS, "userId,asc"));
    }

    @GetMapping("/{userId}")
    AgentView get(@PathVariable long userId) {
        return this.agents.get(CurrentUser.require().tenantId(), userId);
    }

    /** Creates ({@code version} absent) or replaces ({@code version} as seen) the user's profile. */
    @PutMapping("/{userId}")
    AgentView put(@PathVariable long userId, @RequestBody AgentCommand cmd) {
        return this.agents.put(CurrentUser.require().tenantId(), userId, cmd);
    }
}
