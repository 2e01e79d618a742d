package dev.baton.wecom;

import static dev.baton.platform.db.Tables.TENANTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Integration tests against one fake WeCom for the whole JVM: every subclass shares it and, through the one property
 * source, the same application context (a fake per class would boot Baton once per class). Tests count the fake's
 * calls relative to a value read first, and each works in its own tenant.
 */
public abstract class WeComIntegrationTest extends IntegrationTest {

    protected static final FakeWeCom WECOM = new FakeWeCom();

    @Autowired
    protected DSLContext db;

    @DynamicPropertySource
    static void wecom(DynamicPropertyRegistry registry) {
        registry.add("baton.wecom.base-url", WECOM::baseUrl);
        // short waits, so that a test of WeCom's silence takes seconds (FakeTrouble.SILENCE is longer)
        registry.add("baton.wecom.http.read-timeout", () -> "1s");
        registry.add("baton.wecom.http.backoff", () -> "50ms");
    }

    /** Saves the fake corp's id, app and secret as the admin's tenant's WeCom settings. */
    protected static void connect(Api admin) {
        Api.Response saved = admin.put(
                "/api/v1/wecom/settings",
                Map.of("corpId", FakeWeCom.CORP_ID, "agentId", FakeWeCom.AGENT_ID, "secret", FakeWeCom.SECRET));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    /** The admin's tenant code, as the callback URL names it. */
    protected static String code(Api admin) {
        return admin.get("/api/v1/auth/me").at("/tenant/code").asString();
    }

    /** The admin's tenant's id: each test works in its own tenant, all of them on the same fake corp. */
    protected long tenantId(Api admin) {
        return this.db
                .select(TENANTS.TENANT_ID)
                .from(TENANTS)
                .where(TENANTS.CODE.eq(code(admin)))
                .fetchSingle(TENANTS.TENANT_ID);
    }
}
