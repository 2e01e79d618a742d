package dev.baton.wecom.internal;

import static dev.baton.platform.db.Tables.WECOM_INBOX;

import dev.baton.platform.DurableTimers;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Works through one kept callback: hands it to the {@link CallbackEventHandler} for its {@code Event} and writes the
 * outcome on the inbox row; events no handler takes are kept and marked {@code ignored}.
 */
@Component
class CallbackProcessing implements DurableTimers.Handler {

    static final String KIND = "wecom-inbox";

    private final DSLContext db;
    private final Clock clock;
    private final Map<String, CallbackEventHandler> handlers = new HashMap<>();

    CallbackProcessing(DSLContext db, Clock clock, List<CallbackEventHandler> handlers) {
        this.db = db;
        this.clock = clock;
        for (var handler : handlers) {
            for (var event : handler.events()) {
                if (this.handlers.put(event, handler) != null) {
                    throw new IllegalStateException("two WeCom callback handlers for " + event);
                }
            }
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(String key) {
        String[] p = key.split("\\|");
        long tenantId = Long.parseLong(p[0]);
        long id = Long.parseLong(p[1]);
        var row = this.db.fetchOne(WECOM_INBOX, WECOM_INBOX.TENANT_ID.eq(tenantId), WECOM_INBOX.ID.eq(id));
        if (row == null || !row.getStatus().equals(CallbackInbox.PENDING)) {
            return;
        }
        Map<String, String> fields;
        try {
            fields = CallbackXml.read(row.getPayload());
        } catch (CallbackXml.Unreadable e) {
            finish(tenantId, id, new CallbackEventHandler.Outcome("failed", e.getMessage()));
            return;
        }
        String event = fields.getOrDefault("Event", "");
        var handler = this.handlers.get(event);
        finish(
                tenantId,
                id,
                handler == null
                        ? CallbackEventHandler.Outcome.ignored("not handled yet: " + row.getMsgType() + "/" + event)
                        : handler.handle(tenantId, fields));
    }

    private void finish(long tenantId, long id, CallbackEventHandler.Outcome outcome) {
        String detail = outcome.detail();
        this.db
                .update(WECOM_INBOX)
                .set(WECOM_INBOX.STATUS, outcome.status())
                .set(WECOM_INBOX.OUTCOME, detail.length() > 1000 ? detail.substring(0, 1000) : detail)
                .set(WECOM_INBOX.PROCESSED_AT, this.clock.instant())
                .where(WECOM_INBOX.TENANT_ID.eq(tenantId), WECOM_INBOX.ID.eq(id))
                .execute();
    }
}
