package dev.baton.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers API requests with 503 and {@code Retry-After} until Baton is ready. The web server opens its port before
 * the start-up work (the platform and demo tenants, back-fills) has run; a log-in in that gap used to fail as a
 * wrong password because the demo account did not exist yet. The same holds while Baton shuts down.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class StartingFilter extends OncePerRequestFilter {

    static final int RETRY_AFTER_SECONDS = 2;

    private final ApplicationAvailability availability;
    private final ProblemResponses problems;

    StartingFilter(ApplicationAvailability availability, ProblemResponses problems) {
        this.availability = availability;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        this.problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "starting", RETRY_AFTER_SECONDS);
    }
}
