package dev.baton.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A failure the caller caused, rendered as RFC 9457 problem+json: a stable {@code type} slug and
 * a message code resolved in the caller's language ({@code problem.<code>} in messages*.properties).
 */
public class BatonException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final Object[] args;
    private final List<FieldError> errors;

    public BatonException(HttpStatus status, String type, Object... args) {
        this(status, type, List.of(), args);
    }

    public BatonException(HttpStatus status, String type, List<FieldError> errors, Object... args) {
        super(type);
        this.status = status;
        this.type = type;
        this.args = args;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return this.status;
    }

    /** Stable slug, also the message code suffix: {@code problem.<type>}. */
    public String type() {
        return this.type;
    }

    public Object[] args() {
        return this.args.clone();
    }

    public List<FieldError> errors() {
        return this.errors;
    }

    /** Extra problem properties (e.g. the current version of a stale resource). */
    public @Nullable Object extra() {
        return null;
    }
}
