package dev.baton.platform;

import org.springframework.http.HttpStatus;

/**
 * The resource does not exist for this tenant. Also used for resources of another tenant and
 * outside the caller's data scope, so ids never reveal what exists elsewhere.
 */
public class NotFoundException extends BatonException {

    public NotFoundException(String resource, Object id) {
        super(HttpStatus.NOT_FOUND, "not-found", resource, String.valueOf(id));
    }
}
