package dev.baton.intake.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The public forms, open to anyone (everything outside {@code /api/**} needs no authentication). */
@RestController
@RequestMapping("/public/forms/{tenant}/{channel}")
class PublicFormController {

    private final PublicForms forms;
    private final ClientAddress address;

    PublicFormController(PublicForms forms, ClientAddress address) {
        this.forms = forms;
        this.address = address;
    }

    @GetMapping
    PublicForms.Form form(@PathVariable String tenant, @PathVariable String channel) {
        return this.forms.form(tenant, channel);
    }

    @PostMapping("/captcha")
    Captchas.Issued captcha(@PathVariable String tenant, @PathVariable String channel, HttpServletRequest http) {
        return this.forms.captcha(tenant, channel, this.address.of(http));
    }

    @PostMapping("/sms-code")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void smsCode(
            @PathVariable String tenant,
            @PathVariable String channel,
            @RequestBody PublicForms.SmsRequest body,
            HttpServletRequest http) {
        this.forms.smsCode(tenant, channel, this.address.of(http), body);
    }

    @PostMapping("/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    PublicForms.Submitted submit(
            @PathVariable String tenant,
            @PathVariable String channel,
            @RequestBody PublicForms.Submission body,
            HttpServletRequest http) {
        return this.forms.submit(tenant, channel, this.address.of(http), body);
    }
}
