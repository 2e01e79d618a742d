package dev.baton.wecom.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JS-SDK signatures for any signed-in user whose page runs inside WeCom. */
@RestController
class JsapiController {

    private final JsapiSignatures signatures;

    JsapiController(JsapiSignatures signatures) {
        this.signatures = signatures;
    }

    @GetMapping("/api/v1/wecom/jsapi/signature")
    JsapiSignatures.Signatures signature(@RequestParam(required = false) @Nullable String url) {
        if (url == null || url.isBlank()) {
            throw new ValidationException("url", "{validation.required}");
        }
        return this.signatures.sign(CurrentUser.require().tenantId(), url);
    }
}
