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

/** Classification keywords (关键词自动分类); {@code assignment.manage}. */
@RestController
@RequestMapping("/api/v1/assignment/keywords")
@PreAuthorize("hasAuthority('assignment.manage')")
class KeywordController {

    private final Keywords keywords;

    KeywordController(Keywords keywords) {
        this.keywords = keywords;
    }

    @GetMapping
    PageResult<KeywordView> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return this.keywords.list(
                CurrentUser.require().tenantId(), q, PageQuery.of(page, size, sort, Keywords.SORT_KEYS, "keyword,asc"));
    }

    @GetMapping("/{id}")
    KeywordView get(@PathVariable long id) {
        return this.keywords.get(CurrentUser.require().tenantId(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    KeywordView create(@RequestBody KeywordCommand cmd) {
        return this.keywords.create(CurrentUser.require().tenantId(), cmd);
    }

    @PutMapping("/{id}")
    KeywordView update(@PathVariable long id, @RequestBody KeywordCommand cmd) {
        return this.keywords.update(CurrentUser.require().tenantId(), id, cmd);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestParam int version) {
        this.keywords.delete(CurrentUser.require().tenantId(), id, version);
    }

    /** A JSON array of keywords, at most 10,000; all or nothing. */
    @PostMapping("/import")
    KeywordView.Imported importAll(@RequestBody @Nullable List<KeywordCommand> commands) {
        return this.keywords.importAll(CurrentUser.require().tenantId(), commands);
    }
}
