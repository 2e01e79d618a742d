package dev.baton.wecom.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * One WxJava service per tenant, built from the tenant's own settings (secret opened through the secret box) with
 * its tokens in the shared {@code wecom_tokens} table ({@link SharedTokenStorage}) and WeCom's address from
 * {@code baton.wecom.base-url}. A built service is kept with the settings version it was built from and rebuilt as
 * soon as the stored version differs: a save on any node replaces it on every node.
 */
@Component
class TenantServices {

    private record Built(int version, WxCpService service) {}

    private final WeComSettings settings;
    private final WeComProperties properties;
    private final DSLContext db;
    private final Clock clock;
    private final WeComHttpClient http;
    private final Map<Long, Built> built = new ConcurrentHashMap<>();

    TenantServices(
            WeComSettings settings, WeComProperties properties, DSLContext db, Clock clock, WeComHttpClient http) {
        this.settings = settings;
        this.properties = properties;
        this.db = db;
        this.clock = clock;
        this.http = http;
    }

    /** The tenant's service, or empty while the tenant has no WeCom settings. */
    Optional<WxCpService> of(long tenantId) {
        Integer version = this.settings.version(tenantId).orElse(null);
        if (version == null) {
            this.built.remove(tenantId);
            return Optional.empty();
        }
        Built b = this.built.get(tenantId);
        if (b != null && b.version() == version) {
            return Optional.of(b.service());
        }
        Optional<WxCpService> service = this.settings.credentials(tenantId).map(c -> build(tenantId, c));
        service.ifPresent(s -> this.built.put(tenantId, new Built(version, s)));
        return service;
    }

    /** A new service for these credentials; services of one tenant share its tokens through the database. */
    WxCpService build(long tenantId, WeComSettings.Credentials credentials) {
        SharedTokenStorage config = new SharedTokenStorage(this.db, this.clock, tenantId);
        config.setBaseApiUrl(this.properties.baseUrl());
        config.setCorpId(credentials.corpId());
        config.setCorpSecret(credentials.secret());
        config.setAgentId(credentials.agentId());
        config.setApacheHttpClientBuilder(this.http);
        WxCpServiceImpl wx = new SingleTryWxCpService();
        wx.setWxCpConfigStorage(config);
        return wx;
    }
}
