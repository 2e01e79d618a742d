package dev.baton.notify.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.ForbiddenException;
import dev.baton.platform.PageQuery;
import dev.baton.platform.PageResult;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own in-app notifications. */
@RestController
@RequestMapping("/api/v1/notifications/inbox")
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    PageResult<Inbox.Item> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "false") boolean unread) {
        CurrentUser me = CurrentUser.require();
        return this.inbox.page(
                me.tenantId(), user(me), PageQuery.of(page, size, sort, Inbox.SORT_KEYS, "createdAt,desc"), unread);
    }

    @GetMapping("/unread-count")
    Map<String, Integer> unread() {
        CurrentUser me = CurrentUser.require();
        return Map.of("count", this.inbox.unread(me.tenantId(), user(me)));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@PathVariable long id) {
        CurrentUser me = CurrentUser.require();
        this.inbox.read(me.tenantId(), user(me), id);
    }

    @PostMapping("/read-all")
    Map<String, Integer> readAll() {
        CurrentUser me = CurrentUser.require();
        return Map.of("marked", this.inbox.readAll(me.tenantId(), user(me)));
    }

    /** An API key without a creating user has no inbox. */
    static long user(CurrentUser me) {
        if (me.userId() == null) {
            throw new ForbiddenException("forbidden");
        }
        return me.userId();
    }
}
