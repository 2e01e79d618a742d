package dev.baton.wecom.internal;

import static dev.baton.platform.db.Tables.WECOM_INBOX;

import dev.baton.platform.DurableTimers;
import java.time.Clock;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every verified callback once — WeCom retries one it thinks went unanswered, and the fingerprint of the
 * decrypted message turns a retry into nothing — and hands it to {@link CallbackProcessing} through a durable timer
 * due now, so the answer to WeCom never waits for the work (WeCom gives up after 5 s) and a crash loses nothing.
 */
@Service
class CallbackInbox {

    static final String PENDING = "pending";

    private final DSLContext db;
    private final DurableTimers timers;
    private final Clock clock;

    CallbackInbox(DSLContext db, DurableTimers timers, Clock clock) {
        this.db = db;
        this.timers = timers;
        this.clock = clock;
    }

    /** @return whether the message was new */
    @Transactional
    boolean keep(long tenantId, String message, Map<String, String> fields) {
        var now = this.clock.instant();
        String fingerprint = CallbackCrypto.sha256Hex(message);
        int kept = this.db
                .insertInto(WECOM_INBOX)
                .set(WECOM_INBOX.TENANT_ID, tenantId)
                .set(WECOM_INBOX.FINGERPRINT, fingerprint)
                .set(WECOM_INBOX.RECEIVED_AT, now)
                .set(WECOM_INBOX.MSG_TYPE, cut(fields.getOrDefault("MsgType", "unknown"), 32))
                .set(WECOM_INBOX.EVENT, fields.containsKey("Event") ? cut(fields.get("Event"), 64) : null)
                .set(
                        WECOM_INBOX.FROM_USER,
                        fields.containsKey("FromUserName") ? cut(fields.get("FromUserName"), 64) : null)
                .set(WECOM_INBOX.PAYLOAD, message)
                .set(WECOM_INBOX.STATUS, PENDING)
                .onConflict(WECOM_INBOX.TENANT_ID, WECOM_INBOX.FINGERPRINT)
                .doNothing()
                .execute();
        if (kept == 0) {
            return false;
        }
        long id = this.db
                .select(WECOM_INBOX.ID)
                .from(WECOM_INBOX)
                .where(WECOM_INBOX.TENANT_ID.eq(tenantId), WECOM_INBOX.FINGERPRINT.eq(fingerprint))
                .fetchSingle(WECOM_INBOX.ID);
        this.timers.schedule(CallbackProcessing.KIND, tenantId + "|" + id, now);
        return true;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
