package dev.baton.org.internal;

import dev.baton.org.DataScope;
import dev.baton.org.Permission;
import dev.baton.platform.BatonSettings;
import dev.baton.platform.DemoTenantCreated;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On first start: creates the platform tenant with its administrator {@code root}, and in demo
 * mode the demo tenant with its organisation. Later starts find them and change nothing.
 */
@Component
class OrgBootstrap implements ApplicationRunner {

    static final String PLATFORM = "platform";
    static final String DEMO = "demo";

    private static final Logger log = LoggerFactory.getLogger(OrgBootstrap.class);

    private final TenantRepository tenants;
    private final TenantProvisioning provisioning;
    private final RoleRepository roles;
    private final UserRepository users;
    private final DemoOrganisation demo;
    private final PasswordEncoder passwords;
    private final BatonSettings settings;
    private final Environment env;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OrgBootstrap(
            TenantRepository tenants,
            TenantProvisioning provisioning,
            RoleRepository roles,
            UserRepository users,
            DemoOrganisation demo,
            PasswordEncoder passwords,
            BatonSettings settings,
            Environment env,
            TransactionTemplate tx,
            Clock clock,
            ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.provisioning = provisioning;
        this.roles = roles;
        this.users = users;
        this.demo = demo;
        this.passwords = passwords;
        this.settings = settings;
        this.env = env;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A database first started in demo mode has {@code root} with the demo password, which is refused
     * outside demo mode; give root the configured password so the platform stays manageable.
     */
    private void retireDemoRootPassword() {
        this.tenants
                .findByCode(PLATFORM)
                .ifPresent(platform -> this.users
                        .findByUsername(platform.id(), "root")
                        .filter(root -> root.getPasswordHash() != null
                                && this.passwords.matches(BatonSettings.DEMO_PASSWORD, root.getPasswordHash()))
                        .ifPresent(root -> {
                            this.users.setPassword(
                                    platform.id(),
                                    root.getId(),
                                    this.passwords.encode(
                                            this.env.getRequiredProperty("baton.bootstrap.admin-password")),
                                    this.clock.instant());
                            log.warn("root had the demo password; it now has BATON_ADMIN_PASSWORD");
                        }));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!this.settings.demo()) {
            retireDemoRootPassword();
        }
        boolean needsPlatform = this.tenants.findByCode(PLATFORM).isEmpty();
        boolean needsDemo =
                this.settings.demo() && this.tenants.findByCode(DEMO).isEmpty();
        if (!needsPlatform && !needsDemo) {
            return;
        }
        String password = this.settings.demo()
                ? BatonSettings.DEMO_PASSWORD
                : this.env.getRequiredProperty("baton.bootstrap.admin-password");
        // One hash serves every demo account: they share the demo password anyway.
        String hash = this.passwords.encode(password);
        this.tx.executeWithoutResult(s -> {
            if (this.tenants.findByCode(PLATFORM).isEmpty()) {
                var created = this.provisioning.provision(
                        PLATFORM, "Baton 平台", new TenantProvisioning.AdminAccount("root", "平台管理员", null, hash));
                long role = this.roles.insert(
                        created.tenantId(), "platform_admin", "平台管理员", DataScope.ALL, true, this.clock.instant());
                this.roles.replaceGrants(
                        created.tenantId(), role, List.of(Permission.PLATFORM_MANAGE.code()), List.of());
                this.demo.grantRole(created.tenantId(), created.adminUserId(), role);
                log.info("created the platform tenant and its administrator 'root'");
            }
            if (this.settings.demo() && this.tenants.findByCode(DEMO).isEmpty()) {
                var created = this.provisioning.provision(
                        DEMO,
                        "演示公司",
                        new TenantProvisioning.AdminAccount("admin", "系统管理员", "admin@demo.baton.dev", hash));
                this.demo.seed(created, hash);
                this.events.publishEvent(new DemoTenantCreated(created.tenantId(), created.adminUserId()));
                log.info("created the demo tenant 'demo'");
            }
        });
    }
}
