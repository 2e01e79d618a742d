package dev.baton.platform;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Input that fails business validation; every problem is listed at once, not only the first. */
public class ValidationException extends BatonException {

    public ValidationException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "validation", errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }
}
