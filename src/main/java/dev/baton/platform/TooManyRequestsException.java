package dev.baton.platform;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** A rate limit was hit; the response carries {@code Retry-After} and {@code retryAfterSeconds}. */
public class TooManyRequestsException extends BatonException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String type, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, type, retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return this.retryAfterSeconds;
    }

    @Override
    public Object extra() {
        return Map.of("retryAfterSeconds", this.retryAfterSeconds);
    }
}
