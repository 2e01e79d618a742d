package dev.baton.assignment.internal;

import dev.baton.platform.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who a sample ticket would go to, and why; {@code assignment.manage}. */
@RestController
@RequestMapping("/api/v1/assignment/explain")
@PreAuthorize("hasAuthority('assignment.manage')")
class ExplainController {

    private final Explaining explaining;

    ExplainController(Explaining explaining) {
        this.explaining = explaining;
    }

    @PostMapping
    Explaining.Explanation explain(@RequestBody Explaining.Sample sample) {
        return this.explaining.explain(CurrentUser.require().tenantId(), sample);
    }
}
