package dev.baton.intake.internal;

import dev.baton.platform.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbound-mail webhook: a mail provider (or a relay polling a mailbox) posts each mail with an API key that
 * may create tickets. 201 when the mail made a ticket or comment, 200 when it had been received before.
 */
@RestController
class EmailIntakeController {

    private final EmailIntake intake;

    EmailIntakeController(EmailIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/api/v1/intake/email")
    @PreAuthorize("hasAuthority('ticket.create')")
    ResponseEntity<EmailIntake.Received> receive(@RequestBody EmailIntake.Mail mail) {
        EmailIntake.Received r = this.intake.receive(CurrentUser.require().tenantId(), mail);
        return ResponseEntity.status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(r);
    }
}
