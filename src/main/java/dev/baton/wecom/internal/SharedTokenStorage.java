package dev.baton.wecom.internal;

import static dev.baton.platform.db.Tables.WECOM_TOKENS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's WxJava configuration whose access token and JS-SDK tickets live in {@code wecom_tokens}, so that every
 * node uses the one token a node fetched (WeCom limits how often a corp may fetch one) and a restart keeps it. Each
 * value is held until five minutes before WeCom's expiry, so a call never starts with a token about to lapse. Read on
 * every use (a primary-key look-up), so a token another node renewed or dropped is seen at once.
 */
class SharedTokenStorage extends WxCpDefaultConfigImpl {

    static final String ACCESS = "access";
    static final String JSAPI = "jsapi";
    static final String AGENT_JSAPI = "agent_jsapi";
    private static final Duration EARLY = Duration.ofMinutes(5);

    private final transient DSLContext db;
    private final transient Clock clock;
    private final long tenantId;

    SharedTokenStorage(DSLContext db, Clock clock, long tenantId) {
        this.db = db;
        this.clock = clock;
        this.tenantId = tenantId;
    }

    @Override
    public @Nullable String getAccessToken() {
        return valid(ACCESS);
    }

    @Override
    public boolean isAccessTokenExpired() {
        return valid(ACCESS) == null;
    }

    @Override
    public void expireAccessToken() {
        drop(ACCESS);
    }

    @Override
    public synchronized void updateAccessToken(WxAccessToken token) {
        updateAccessToken(token.getAccessToken(), token.getExpiresIn());
    }

    @Override
    public synchronized void updateAccessToken(String token, int expiresInSeconds) {
        keep(ACCESS, token, expiresInSeconds);
    }

    @Override
    public @Nullable String getJsapiTicket() {
        return valid(JSAPI);
    }

    @Override
    public boolean isJsapiTicketExpired() {
        return valid(JSAPI) == null;
    }

    @Override
    public void expireJsapiTicket() {
        drop(JSAPI);
    }

    @Override
    public synchronized void updateJsapiTicket(String ticket, int expiresInSeconds) {
        keep(JSAPI, ticket, expiresInSeconds);
    }

    @Override
    public @Nullable String getAgentJsapiTicket() {
        return valid(AGENT_JSAPI);
    }

    @Override
    public boolean isAgentJsapiTicketExpired() {
        return valid(AGENT_JSAPI) == null;
    }

    @Override
    public void expireAgentJsapiTicket() {
        drop(AGENT_JSAPI);
    }

    @Override
    public void updateAgentJsapiTicket(String ticket, int expiresInSeconds) {
        keep(AGENT_JSAPI, ticket, expiresInSeconds);
    }

    private @Nullable String valid(String kind) {
        return this.db
                .select(WECOM_TOKENS.TOKEN)
                .from(WECOM_TOKENS)
                .where(
                        WECOM_TOKENS.TENANT_ID.eq(this.tenantId),
                        WECOM_TOKENS.KIND.eq(kind),
                        WECOM_TOKENS.EXPIRES_AT.gt(this.clock.instant()))
                .fetchOptional(WECOM_TOKENS.TOKEN)
                .orElse(null);
    }

    private void keep(String kind, String value, int expiresInSeconds) {
        Instant expires = this.clock.instant().plusSeconds(expiresInSeconds).minus(EARLY);
        this.db
                .insertInto(WECOM_TOKENS)
                .set(WECOM_TOKENS.TENANT_ID, this.tenantId)
                .set(WECOM_TOKENS.KIND, kind)
                .set(WECOM_TOKENS.TOKEN, value)
                .set(WECOM_TOKENS.EXPIRES_AT, expires)
                .onConflict(WECOM_TOKENS.TENANT_ID, WECOM_TOKENS.KIND)
                .doUpdate()
                .set(WECOM_TOKENS.TOKEN, value)
                .set(WECOM_TOKENS.EXPIRES_AT, expires)
                .execute();
    }

    private void drop(String kind) {
        this.db
                .deleteFrom(WECOM_TOKENS)
                .where(WECOM_TOKENS.TENANT_ID.eq(this.tenantId), WECOM_TOKENS.KIND.eq(kind))
                .execute();
    }

    /** Forgets every token of a tenant, e.g. when its corp or secret changed. */
    static void dropAll(DSLContext db, long tenantId) {
        db.deleteFrom(WECOM_TOKENS).where(WECOM_TOKENS.TENANT_ID.eq(tenantId)).execute();
    }
}
