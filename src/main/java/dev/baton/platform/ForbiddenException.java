package dev.baton.platform;

import org.springframework.http.HttpStatus;

/** The caller is known but may not do this (missing permission, protected resource). */
public class ForbiddenException extends BatonException {

    public ForbiddenException(String type, Object... args) {
        super(HttpStatus.FORBIDDEN, type, args);
    }
}
