package dev.baton.platform.internal;

import dev.baton.platform.AccessTokens;
import dev.baton.platform.BatonSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** HMAC-signed JWTs carrying only the tenant and user ids; permissions are looked up per request. */
@Component
class JwtAccessTokens implements AccessTokens {

    private static final String ISSUER = "baton";

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final Clock clock;
    private final BatonSettings settings;

    JwtAccessTokens(SecretKey tokenSigningKey, Clock clock, BatonSettings settings) {
        this.encoder = NimbusJwtEncoder.withSecretKey(tokenSigningKey).build();
        this.decoder = NimbusJwtDecoder.withSecretKey(tokenSigningKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        this.decoder.setJwtValidator(timestamps);
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public AccessToken issue(long tenantId, long userId) {
        Instant now = this.clock.instant();
        Instant expires = now.plus(this.settings.tokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(Long.toString(userId))
                .claim("tid", tenantId)
                .issuedAt(now)
                .expiresAt(expires)
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String token =
                this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new AccessToken(token, expires);
    }

    /** The (tenant, user) a valid token names; empty when forged, expired or malformed. */
    Optional<TokenSubject> verify(String token) {
        try {
            Jwt jwt = this.decoder.decode(token);
            Object tid = jwt.getClaims().get("tid");
            if (!ISSUER.equals(jwt.getClaimAsString("iss")) || !(tid instanceof Number tenant)) {
                return Optional.empty();
            }
            return Optional.of(new TokenSubject(tenant.longValue(), Long.parseLong(jwt.getSubject())));
        } catch (JwtException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    record TokenSubject(long tenantId, long userId) {}
}
