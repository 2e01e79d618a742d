package dev.baton.platform.internal;

import java.io.IOException;

/** Thrown while reading a request body that grows past the configured limit. */
class PayloadTooLargeException extends IOException {

    private final long limit;

    PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return this.limit;
    }
}
