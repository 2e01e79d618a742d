package dev.baton.platform.internal;

import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.platform.TooManyRequestsException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error leaves as problem+json with a stable type and a localized detail. Bad input is a 4xx
 * naming the field; only a genuine bug is a 500, and even then without a stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Problems problems;
    private final DataSize maxFileSize;

    ProblemHandler(Problems problems, @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.problems = problems;
        this.maxFileSize = maxFileSize;
    }

    @ExceptionHandler(BatonException.class)
    ResponseEntity<ProblemDetail> baton(BatonException ex) {
        ResponseEntity<ProblemDetail> response = respond(ex.status(), ex.type(), ex.args(), ex.errors(), ex.extra());
        if (ex instanceof TooManyRequestsException limited) {
            return ResponseEntity.status(ex.status())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfterSeconds()))
                    .body(response.getBody());
        }
        return response;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
        return respond(HttpStatus.FORBIDDEN, "forbidden", new Object[0], List.of(), null);
    }

    /** A race lost on a unique index or foreign key: the state changed under the request. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex) {
        log.info("integrity violation: {}", ex.getMostSpecificCause().getMessage());
        return respond(HttpStatus.CONFLICT, "integrity-conflict", new Object[0], List.of(), null);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException ex) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", new Object[] {ex.limit()}, List.of(), null);
    }

    /** A multipart body that cannot be parsed (the size limits are handled below). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException ex) {
        log.info("unreadable multipart request: {}", ex.getMostSpecificCause().toString());
        return respond(HttpStatus.BAD_REQUEST, "unreadable-body", new Object[0], List.of(), null);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(respond(
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large",
                new Object[] {this.maxFileSize.toBytes()},
                List.of(),
                null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("unexpected error", ex);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal", new Object[0], List.of(), null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult()
                .getFieldErrors()
                .forEach(e -> errors.add(new FieldError(e.getField(), message(e.getDefaultMessage()))));
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(e -> errors.add(new FieldError(e.getObjectName(), message(e.getDefaultMessage()))));
        return asObject(respond(HttpStatus.BAD_REQUEST, "validation", new Object[0], errors, null));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(e -> errors.add(new FieldError(String.valueOf(name), message(e.getDefaultMessage()))));
        }
        return asObject(respond(HttpStatus.BAD_REQUEST, "validation", new Object[0], errors, null));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = causeOf(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return asObject(tooLarge(tooLarge));
        }
        JacksonException json = causeOf(ex, JacksonException.class);
        if (json == null) {
            return asObject(respond(HttpStatus.BAD_REQUEST, "unreadable-body", new Object[0], List.of(), null));
        }
        String path = JsonPaths.of(json);
        String msg;
        if (json instanceof UnrecognizedPropertyException) {
            msg = "{json.unknown-property}";
        } else if (json instanceof InvalidFormatException || json instanceof MismatchedInputException) {
            msg = "{json.wrong-type}";
        } else if (json instanceof StreamReadException) {
            return asObject(respond(HttpStatus.BAD_REQUEST, "malformed-json", new Object[0], List.of(), null));
        } else {
            msg = "{json.invalid-value}";
        }
        List<FieldError> errors = List.of(new FieldError(path.isEmpty() ? "body" : path, msg));
        return asObject(respond(HttpStatus.BAD_REQUEST, "validation", new Object[0], errors, null));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        List<FieldError> errors = List.of(new FieldError(String.valueOf(name), "{json.wrong-type}"));
        return asObject(respond(HttpStatus.BAD_REQUEST, "validation", new Object[0], errors, null));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        List<FieldError> errors = List.of(new FieldError(ex.getParameterName(), "{validation.required}"));
        return asObject(respond(HttpStatus.BAD_REQUEST, "validation", new Object[0], errors, null));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(respond(
                HttpStatus.NOT_FOUND, "no-such-path", new Object[] {"/" + ex.getResourcePath()}, List.of(), null));
    }

    /** Framework-detected errors (405, 415, 406 …): keep their status, give them our type and language. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String type = "http-" + status.value();
        ProblemDetail problem = this.problems.create(status, type, new Object[0], List.of(), null);
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private ResponseEntity<ProblemDetail> respond(
            HttpStatusCode status, String type, Object[] args, List<FieldError> errors, @Nullable Object extra) {
        return ResponseEntity.status(status).body(this.problems.create(status, type, args, errors, extra));
    }

    private String message(@Nullable String raw) {
        return raw == null ? "" : this.problems.resolve(raw);
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> asObject(ResponseEntity<?> response) {
        return (ResponseEntity<Object>) response;
    }

    private static <T extends Throwable> @Nullable T causeOf(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
