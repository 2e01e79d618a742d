package dev.baton.platform.internal;

import dev.baton.platform.FieldError;
import dev.baton.platform.Messages;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 problems with a stable type URI and a detail in the caller's language. Messages
 * written as {@code {code}} are looked up in messages*.properties; anything else is used as is.
 */
@Component
class Problems implements Messages {

    static final String TYPE_BASE = "https://baton.dev/problems/";

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    ProblemDetail create(
            HttpStatusCode status, String type, Object[] args, List<FieldError> errors, @Nullable Object extra) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(this.messages.getMessage("title." + type, null, defaultTitle(type), locale));
        problem.setDetail(this.messages.getMessage("problem." + type, args, problem.getTitle(), locale));
        if (!errors.isEmpty()) {
            problem.setProperty(
                    "errors",
                    errors.stream()
                            .map(e -> new FieldError(e.field(), resolve(e.message())))
                            .toList());
        }
        if (extra instanceof Map<?, ?> map) {
            map.forEach((k, v) -> problem.setProperty(String.valueOf(k), v));
        }
        return problem;
    }

    @Override
    public List<FieldError> localize(List<FieldError> errors) {
        return errors.stream()
                .map(e -> new FieldError(e.field(), resolve(e.message())))
                .toList();
    }

    String resolve(String message, Object... args) {
        if (message.length() > 2 && message.startsWith("{") && message.endsWith("}")) {
            String code = message.substring(1, message.length() - 1);
            return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
        }
        return message;
    }

    private static String defaultTitle(String type) {
        return Character.toUpperCase(type.charAt(0)) + type.substring(1).replace('-', ' ');
    }
}
