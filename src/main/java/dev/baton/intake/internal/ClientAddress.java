package dev.baton.intake.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The caller's address for rate limits. {@code X-Forwarded-For} is anyone's to forge, so it is read only when
 * {@code baton.intake.trusted-proxy=true} says a reverse proxy in front of Baton sets it (its last entry, the one
 * that proxy appended, is then the client).
 */
@Component
class ClientAddress {

    private final boolean trustedProxy;

    ClientAddress(@Value("${baton.intake.trusted-proxy:false}") boolean trustedProxy) {
        this.trustedProxy = trustedProxy;
    }

    String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (this.trustedProxy && forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty() && last.length() <= 64) {
                return last;
            }
        }
        return request.getRemoteAddr();
    }
}
