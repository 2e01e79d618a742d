package dev.baton.wecom.internal;

import static dev.baton.platform.db.Tables.WECOM_SYNC_RUNS;

import dev.baton.customer.CustomerSync;
import dev.baton.platform.AuditTrail;
import dev.baton.platform.BatonException;
import dev.baton.platform.ConflictException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.bean.external.WxCpUserExternalGroupChatList;
import me.chanjar.weixin.cp.bean.external.contact.WxCpExternalContactBatchInfo;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A full customer sync from WeCom, one at a time per tenant on this node. Contacts: the employees with the customer
 * contact feature ({@code get_follow_user_list}), 100 at a time through {@code batch/get_by_user} pages of 100 by
 * cursor, and each contact not yet handled in this run read whole ({@link WeComCustomers#contact}); then group chats
 * ({@code groupchat/list} pages of 1,000 by cursor, each read by {@code groupchat/get}). Only a page is in memory at
 * a time. When everything was read without a failure, links the run did not see are marked removed ({@link
 * CustomerSync#sweep}); after any failure nothing is swept, so a contact that could not be read is never unlinked.
 * WeCom busy or silent beyond {@link WeComCalls}' retries stops the run with that problem (503/504/502); what it did
 * until then stays and is in the audit entry.
 */
@Component
class CustomerSyncRun {

    private static final Logger log = LoggerFactory.getLogger(CustomerSyncRun.class);
    private static final int FOLLOWERS_PER_CALL = 100;
    private static final int CONTACTS_PER_PAGE = 100;
    private static final int CHATS_PER_PAGE = 1000;
    /** Guards against a cursor that never ends: 100,000 pages is ten million contacts. */
    private static final int MAX_PAGES = 100_000;

    private final TenantServices services;
    private final WeComCalls calls;
    private final WeComCustomers wecom;
    private final CustomerSync customers;
    private final DSLContext db;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    CustomerSyncRun(
            TenantServices services,
            WeComCalls calls,
            WeComCustomers wecom,
            CustomerSync customers,
            DSLContext db,
            AuditTrail audit,
            JsonMapper json,
            Clock clock) {
        this.services = services;
        this.calls = calls;
        this.wecom = wecom;
        this.customers = customers;
        this.db = db;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** What one run did; {@code unlinked} includes the links swept at the end. */
    record Counts(int created, int updated, int unchanged, int unlinked, int failed) {}

    private static final class Tally {
        int created;
        int updated;
        int unchanged;
        int unlinked;
        int failed;

        void add(CustomerSync.Change change) {
            switch (change) {
                case CREATED -> this.created++;
                case UPDATED -> this.updated++;
                case UNCHANGED -> this.unchanged++;
                case UNLINKED -> this.unlinked++;
            }
        }

        Counts counts() {
            return new Counts(this.created, this.updated, this.unchanged, this.unlinked, this.failed);
        }
    }

    Counts run(long tenantId) {
        WxCpService wx = this.services.of(tenantId).orElseThrow(() -> new ConflictException("wecom-not-configured"));
        if (!this.running.add(tenantId)) {
            throw new ConflictException("wecom-sync-running");
        }
        long run = this.db
                .insertInto(WECOM_SYNC_RUNS)
                .set(WECOM_SYNC_RUNS.TENANT_ID, tenantId)
                .set(WECOM_SYNC_RUNS.STARTED_AT, this.clock.instant())
                .returningResult(WECOM_SYNC_RUNS.ID)
                .fetchSingle(WECOM_SYNC_RUNS.ID);
        Tally tally = new Tally();
        try {
            contacts(tenantId, wx, run, tally);
            groupChats(tenantId, wx, run, tally);
            if (tally.failed == 0) {
                tally.unlinked += this.customers.sweep(tenantId, run);
            }
            Counts counts = tally.counts();
            finish(tenantId, run, this.json.writeValueAsString(counts));
            this.audit.record("wecom.sync.customers", "wecom_sync_run", run, summary(counts));
            return counts;
        } catch (BatonException | WxErrorException e) {
            String why = e instanceof WxErrorException w ? w.getError().toString() : ((BatonException) e).type();
            Counts counts = tally.counts();
            finish(tenantId, run, "stopped: " + why + "; " + this.json.writeValueAsString(counts));
            this.audit.record(
                    "wecom.sync.customers", "wecom_sync_run", run, "stopped (" + why + "): " + summary(counts));
            if (e instanceof WxErrorException w) {
                throw WeComErrors.refused(w);
            }
            throw (BatonException) e;
        } finally {
            this.running.remove(tenantId);
        }
    }

    private void contacts(long tenantId, WxCpService wx, long run, Tally tally) throws WxErrorException {
        List<String> followers = this.calls.call(
                "externalcontact/get_follow_user_list",
                () -> wx.getExternalContactService().listFollowers());
        for (int from = 0; from < followers.size(); from += FOLLOWERS_PER_CALL) {
            String[] batch = followers
                    .subList(from, Math.min(followers.size(), from + FOLLOWERS_PER_CALL))
                    .toArray(String[]::new);
            String cursor = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                String at = cursor;
                WxCpExternalContactBatchInfo info = this.calls.call(
                        "externalcontact/batch/get_by_user",
                        () -> wx.getExternalContactService().getContactDetailBatch(batch, at, CONTACTS_PER_PAGE));
                if (info.getExternalContactList() != null) {
                    for (var entry : info.getExternalContactList()) {
                        String id = entry.getExternalContact() == null
                                ? null
                                : entry.getExternalContact().getExternalUserId();
                        if (id != null && !this.customers.contactSeen(tenantId, id, run)) {
                            contact(tenantId, wx, id, run, tally);
                        }
                    }
                }
                cursor = info.getNextCursor();
                if (cursor == null || cursor.isEmpty()) {
                    break;
                }
            }
        }
    }

    private void contact(long tenantId, WxCpService wx, String externalUserId, long run, Tally tally) {
        try {
            var contact = this.wecom.contact(wx, externalUserId);
            // gone between the page and the read: the sweep (or the callback) unlinks it
            contact.ifPresent(c -> tally.add(this.customers.contact(tenantId, c, run)));
        } catch (WxErrorException e) {
            // one contact WeCom refuses (say, a permission it lacks) does not stop the others
            log.info("WeCom refused contact {} of tenant {}: {}", externalUserId, tenantId, e.getError());
            tally.failed++;
        } catch (RuntimeException e) {
            if (e instanceof WeComUnavailable) {
                throw e;
            }
            log.warn("contact {} of tenant {} not synced", externalUserId, tenantId, e);
            tally.failed++;
        }
    }

    private void groupChats(long tenantId, WxCpService wx, long run, Tally tally) throws WxErrorException {
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String at = cursor;
            WxCpUserExternalGroupChatList list = this.calls.call(
                    "externalcontact/groupchat/list",
                    () -> wx.getExternalContactService().listGroupChat(CHATS_PER_PAGE, at, 0, null));
            if (list.getGroupChatList() != null) {
                for (var chat : list.getGroupChatList()) {
                    try {
                        tally.add(this.customers.groupChat(tenantId, this.wecom.groupChat(wx, chat.getChatId()), run));
                    } catch (WxErrorException e) {
                        log.info(
                                "WeCom refused group chat {} of tenant {}: {}",
                                chat.getChatId(),
                                tenantId,
                                e.getError());
                        tally.failed++;
                    }
                }
            }
            cursor = list.getNextCursor();
            if (cursor == null || cursor.isEmpty()) {
                break;
            }
        }
    }

    private void finish(long tenantId, long run, String result) {
        this.db
                .update(WECOM_SYNC_RUNS)
                .set(WECOM_SYNC_RUNS.FINISHED_AT, this.clock.instant())
                .set(WECOM_SYNC_RUNS.RESULT, result.length() > 2000 ? result.substring(0, 2000) : result)
                .where(WECOM_SYNC_RUNS.TENANT_ID.eq(tenantId), WECOM_SYNC_RUNS.ID.eq(run))
                .execute();
    }

    private static String summary(Counts c) {
        return "created=" + c.created() + ", updated=" + c.updated() + ", unchanged=" + c.unchanged() + ", unlinked="
                + c.unlinked() + ", failed=" + c.failed();
    }
}
