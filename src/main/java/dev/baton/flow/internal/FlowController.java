package dev.baton.flow.internal;

import static dev.baton.platform.db.Tables.FLOWS;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Flow designs: drafts, publishing, versions and clones; designers need {@code flow.manage}. */
@RestController
@RequestMapping("/api/v1/flows")
@PreAuthorize("hasAuthority('flow.manage')")
class FlowController {

    private final Flows flows;
    private final Simulations simulations;

    FlowController(Flows flows, Simulations simulations) {
        this.flows = flows;
        this.simulations = simulations;
    }

    /** Runs the draft (or {@code version}) on sample values; writes nothing. */
    @PostMapping("/{id}/simulate")
    Simulations.SimulationView simulate(@PathVariable long id, @RequestBody Simulations.SimulateRequest request) {
        return this.simulations.simulate(CurrentUser.require(), id, request);
    }

    @GetMapping
    PageResult<FlowView.Summary> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable Long templateId) {
        PageQuery paging = PageQuery.of(page, size, sort, Flows.SORT_KEYS, "name,asc");
        Condition filter = templateId == null ? DSL.trueCondition() : FLOWS.TEMPLATE_ID.eq(templateId);
        return this.flows.search(CurrentUser.require().tenantId(), filter, paging);
    }

    @GetMapping("/{id}")
    FlowView get(@PathVariable long id) {
        return this.flows.get(CurrentUser.require().tenantId(), id);
    }

    /** Saves a draft, valid or not; the response lists what keeps it from being published. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FlowView create(@Valid @RequestBody FlowCommand.Create cmd) {
        return this.flows.create(CurrentUser.require(), cmd);
    }

    @PutMapping("/{id}")
    FlowView update(@PathVariable long id, @Valid @RequestBody FlowCommand.Edit cmd) {
        return this.flows.update(CurrentUser.require(), id, cmd);
    }

    @PostMapping("/{id}/publish")
    FlowView publish(@PathVariable long id, @Valid @RequestBody PublishRequest request) {
        return this.flows.publish(CurrentUser.require(), id, request.version(), request.mappingOrEmpty());
    }

    @GetMapping("/{id}/versions")
    List<FlowView.Published> versions(@PathVariable long id) {
        return this.flows.versions(CurrentUser.require().tenantId(), id);
    }

    @GetMapping("/{id}/versions/{versionNo}")
    FlowView.Published version(@PathVariable long id, @PathVariable int versionNo) {
        return this.flows.version(CurrentUser.require().tenantId(), id, versionNo);
    }

    @PostMapping("/{id}/clone")
    @ResponseStatus(HttpStatus.CREATED)
    FlowView copy(@PathVariable long id, @Valid @RequestBody FlowCommand.Clone cmd) {
        return this.flows.copy(CurrentUser.require(), id, cmd.name());
    }

    /**
     * @param version the draft version the designer saw and wants to publish
     * @param mapping for running tickets at nodes the new version no longer has: old node id → node of the
     *     new version they move to; optional
     */
    record PublishRequest(
            @jakarta.validation.constraints.NotNull Integer version,
            @Nullable Map<String, @Nullable String> mapping) {

        Map<String, @Nullable String> mappingOrEmpty() {
            return this.mapping == null ? Map.of() : this.mapping;
        }
    }
}
