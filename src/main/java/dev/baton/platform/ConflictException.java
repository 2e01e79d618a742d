package dev.baton.platform;

import org.springframework.http.HttpStatus;

/** The request is valid but clashes with the current state (duplicate code, still in use, …). */
public class ConflictException extends BatonException {

    public ConflictException(String type, Object... args) {
        super(HttpStatus.CONFLICT, type, args);
    }
}
