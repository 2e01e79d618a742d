package dev.baton.org.internal;

import dev.baton.org.SignIn;
import dev.baton.org.SignIn.LoginResponse;
import dev.baton.org.SignIn.Me;
import dev.baton.platform.BatonException;
import dev.baton.platform.BatonSettings;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.NotFoundException;
import dev.baton.platform.TooManyRequestsException;
import dev.baton.platform.db.tables.records.UsersRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Log-in with tenant, username and password; and who am I. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private static final Logger log = LoggerFactory.getLogger(AuthController.class);

    private final TenantRepository tenants;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final BatonSettings settings;
    private final SignIn sessions;
    /**
     * Compared against when the account does not exist, so timing does not reveal which accounts do.
     * A fixed, well-formed Argon2id hash that no password is known to produce, rather than one computed
     * at start-up, which would cost a second of cold-JIT hashing on every boot.
     */
    private static final String DECOY_HASH =
            "$argon2id$v=19$m=16384,t=2,p=1$ZGVjb3lzYWx0ZGVjb3lzYQ$GmcHbdJoe2bWb4g1xwtpYyXW0wYgQ9JUSlUjP+XzWkk";

    AuthController(
            TenantRepository tenants,
            UserRepository users,
            PasswordEncoder passwords,
            LoginThrottle throttle,
            BatonSettings settings,
            SignIn sessions) {
        this.tenants = tenants;
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.settings = settings;
        this.sessions = sessions;
    }

    @PostMapping("/login")
    @Transactional(readOnly = true)
    LoginResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        String account = request.tenant().strip() + "/" + request.username().strip();
        String address = http.getRemoteAddr();
        OptionalLong wait = this.throttle.retryAfter(account, address);
        if (wait.isPresent()) {
            throw new TooManyRequestsException("login-throttled", wait.getAsLong());
        }
        Optional<Tenant> tenant =
                this.tenants.findByCode(request.tenant().strip()).filter(Tenant::active);
        Optional<UsersRecord> user = tenant.flatMap(t ->
                        this.users.findByUsername(t.id(), request.username().strip()))
                .filter(UsersRecord::getActive)
                .filter(u -> u.getPasswordHash() != null);
        boolean matches = this.passwords.matches(
                request.password(), user.map(UsersRecord::getPasswordHash).orElse(DECOY_HASH));
        if (!user.isPresent() || !matches) {
            this.throttle.failed(account, address);
            log.info("failed log-in for {} from {}", account, address);
            throw new BatonException(HttpStatus.UNAUTHORIZED, "bad-credentials");
        }
        if (!this.settings.demo() && request.password().equals(BatonSettings.DEMO_PASSWORD)) {
            throw new BatonException(HttpStatus.UNAUTHORIZED, "demo-password-disabled");
        }
        this.throttle.succeeded(account);
        return this.sessions
                .session(tenant.get().id(), user.get().getId())
                .orElseThrow(() -> new NotFoundException("user", user.get().getId()));
    }

    @GetMapping("/me")
    @Transactional(readOnly = true)
    Me me() {
        return this.sessions.me(CurrentUser.require());
    }

    record LoginRequest(
            @NotBlank @Size(max = 32) String tenant,
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 128) String password) {}
}
