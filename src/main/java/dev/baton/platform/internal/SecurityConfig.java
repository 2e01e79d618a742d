package dev.baton.platform.internal;

import dev.baton.platform.PrincipalDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Stateless bearer-token security for {@code /api/**}; the UI, API docs, health and {@code /public/**} are public.
 * No cookies or sessions are used, so CSRF protection has nothing to protect.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http, JwtAccessTokens tokens, PrincipalDirectory directory, ProblemResponses problems)
            throws Exception {
        http.csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(
                        new BearerTokenFilter(tokens, directory, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/auth/login", "/api/v1/auth/wecom")
                        .permitAll()
                        // the customer's progress page: the signed token in the path is the credential
                        .requestMatchers("/public/progress/**")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                (req, res, ex) -> problems.write(req, res, HttpStatus.UNAUTHORIZED, "unauthenticated"))
                        .accessDeniedHandler(
                                (req, res, ex) -> problems.write(req, res, HttpStatus.FORBIDDEN, "forbidden")));
        return http.build();
    }

    /** Log-in is Baton's own endpoint; this stops Spring Boot from creating a default user. */
    @Bean
    AuthenticationManager noFormLogin() {
        return authentication -> {
            throw new ProviderNotFoundException("form log-in is not used");
        };
    }
}
