package dev.baton.intake.internal;

import dev.baton.platform.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Channels are designed with the templates they open, so whoever manages templates manages them. */
@RestController
@RequestMapping("/api/v1/channels")
@PreAuthorize("hasAuthority('template.manage')")
class ChannelController {

    private final Channels channels;

    ChannelController(Channels channels) {
        this.channels = channels;
    }

    @GetMapping
    List<ChannelView> list() {
        return this.channels.list(CurrentUser.require().tenantId());
    }

    @GetMapping("/{id}")
    ChannelView get(@PathVariable long id) {
        return this.channels.get(CurrentUser.require().tenantId(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ChannelView create(@RequestBody ChannelCommand cmd) {
        return this.channels.create(CurrentUser.require().tenantId(), cmd);
    }

    @PutMapping("/{id}")
    ChannelView update(@PathVariable long id, @RequestBody ChannelCommand cmd) {
        return this.channels.update(CurrentUser.require().tenantId(), id, cmd);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        this.channels.delete(CurrentUser.require().tenantId(), id);
    }
}
