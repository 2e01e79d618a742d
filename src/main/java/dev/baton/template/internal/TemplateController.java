package dev.baton.template.internal;

import static dev.baton.platform.db.Tables.TEMPLATES;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.impl.DSL;
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

/**
 * Ticket templates. Everyone may read them (creating a ticket needs its form); designers with
 * {@code template.manage} change them. Templates are disabled rather than deleted: tickets refer to them.
 */
@RestController
@RequestMapping("/api/v1/templates")
class TemplateController {

    private final Templates templates;

    TemplateController(Templates templates) {
        this.templates = templates;
    }

    @GetMapping
    PageResult<TemplateView.Summary> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable Boolean enabled) {
        PageQuery paging = PageQuery.of(page, size, sort, Templates.SORT_KEYS, "name,asc");
        Condition filter = DSL.trueCondition();
        if (q != null && !q.isBlank()) {
            filter = filter.and(
                    TEMPLATES.NAME.containsIgnoreCase(q.strip()).or(TEMPLATES.CODE.containsIgnoreCase(q.strip())));
        }
        if (category != null) {
            filter = filter.and(TEMPLATES.CATEGORY.eq(category));
        }
        if (enabled != null) {
            filter = filter.and(TEMPLATES.ENABLED.eq(enabled));
        }
        return this.templates.search(CurrentUser.require().tenantId(), filter, paging);
    }

    @GetMapping("/{id}")
    TemplateView get(@PathVariable long id) {
        return this.templates.getFor(CurrentUser.require(), id);
    }

    /** Checks field values as a ticket would be checked; 200 when valid, else 400 or 403 problems. */
    @PostMapping("/{id}/validate")
    Validated validate(@PathVariable long id, @Valid @RequestBody ValuesRequest request) {
        return new Validated(true, this.templates.validate(CurrentUser.require(), id, request.fields()));
    }

    record ValuesRequest(
            @jakarta.validation.constraints.NotNull Map<String, @Nullable Object> fields) {}

    record Validated(boolean valid, int templateVersion) {}

    @GetMapping("/{id}/versions")
    List<TemplateView.Version> versions(@PathVariable long id) {
        return this.templates.versions(CurrentUser.require().tenantId(), id);
    }

    @GetMapping("/{id}/versions/{versionNo}")
    TemplateView.Version version(@PathVariable long id, @PathVariable int versionNo) {
        return this.templates.version(CurrentUser.require().tenantId(), id, versionNo);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('template.manage')")
    TemplateView create(@Valid @RequestBody TemplateCommand.Create cmd) {
        return this.templates.create(CurrentUser.require(), cmd);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('template.manage')")
    TemplateView update(@PathVariable long id, @Valid @RequestBody TemplateCommand.Edit cmd) {
        return this.templates.update(CurrentUser.require(), id, cmd);
    }

    /** Soft delete; {@code ?version=} is the version the caller saw (409 if it changed since). */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('template.manage')")
    void delete(@PathVariable long id, @RequestParam int version) {
        this.templates.delete(CurrentUser.require(), id, version);
    }

    @PostMapping("/{id}/clone")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('template.manage')")
    TemplateView copy(@PathVariable long id, @Valid @RequestBody TemplateCommand.Clone cmd) {
        return this.templates.copy(CurrentUser.require(), id, cmd);
    }
}
