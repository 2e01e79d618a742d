package dev.baton.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem from code that runs outside Spring MVC (security filters, body limits). */
@Component
class ProblemResponses {

    private final Problems problems;
    private final JsonMapper json;
    private final LocaleResolver locales;

    ProblemResponses(Problems problems, JsonMapper json, LocaleResolver locales) {
        this.problems = problems;
        this.json = json;
        this.locales = locales;
    }

    void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatusCode status,
            String type,
            Object... args)
            throws IOException {
        // Filters run before the DispatcherServlet sets the request's locale; do it here.
        LocaleContextHolder.setLocale(this.locales.resolveLocale(request));
        ProblemDetail problem = this.problems.create(status, type, args, List.of(), null);
        LocaleContextHolder.resetLocaleContext();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        // Flattened by hand: the framework's ProblemDetail mix-in lives in its HTTP converters only.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        this.json.writeValue(response.getOutputStream(), body);
    }
}
