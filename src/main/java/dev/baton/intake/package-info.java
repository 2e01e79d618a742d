/**
 * Intake (渠道): every entry point turned into one create-ticket command, idempotently. A tenant's channels (a web
 * form, a mini-program or official-account form, a mailbox) each carry the template, priority and branding their
 * tickets start from; the public forms ({@code /public/forms/…}) take submissions from people without an account
 * behind an image captcha, an optional SMS code and per-address rate limits; the inbound-mail webhook turns mails
 * into tickets, and replies quoting a ticket number into customer-visible comments. Every ticket records its
 * source and the channel's code as the {@code ticket.channel} fact that routing and flow conditions read, and the
 * submitter gets a signed link to the ticket's progress page (the {@code portal} module's).
 */
@NullMarked
@ApplicationModule(
        allowedDependencies = {"platform", "platform :: db", "org", "template", "ticket", "customer", "portal"})
package dev.baton.intake;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
