package dev.baton.platform.internal;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.PrincipalDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer …}: an API key ({@code bk_…}) or a signed access
 * token. The user and permissions are resolved on every request, so deactivating a user or
 * changing a role takes effect at once rather than when the token expires.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String MDC_TENANT = "tenant";
    static final String MDC_USER = "user";
    static final String API_KEY_PREFIX = "bk_";

    private final JwtAccessTokens tokens;
    private final PrincipalDirectory directory;
    private final ProblemResponses problems;

    BearerTokenFilter(JwtAccessTokens tokens, PrincipalDirectory directory, ProblemResponses problems) {
        this.tokens = tokens;
        this.directory = directory;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).trim();
        Optional<CurrentUser> user = token.startsWith(API_KEY_PREFIX)
                ? this.directory.findApiKey(token)
                : this.tokens.verify(token).flatMap(s -> this.directory.findUser(s.tenantId(), s.userId()));
        if (user.isEmpty()) {
            this.problems.write(request, response, HttpStatus.UNAUTHORIZED, "invalid-token");
            return;
        }
        CurrentUser current = user.get();
        var authorities =
                current.permissions().stream().map(SimpleGrantedAuthority::new).toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current, null, authorities));
        MDC.put(MDC_TENANT, current.tenantCode());
        MDC.put(MDC_USER, current.name());
        chain.doFilter(request, response);
    }
}
