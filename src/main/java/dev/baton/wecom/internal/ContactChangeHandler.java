package dev.baton.wecom.internal;

import dev.baton.org.DirectorySync;
import dev.baton.org.DirectorySync.Change;
import dev.baton.platform.AuditTrail;
import dev.baton.platform.OwnTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * WeCom's {@code change_contact} callbacks (a member or department created, changed or deleted in WeCom) applied
 * through {@link DirectorySync}, like "sync directory" would. An update carries only what changed, so it is laid over
 * what Baton has; a deleted member is deactivated, a deleted department removed only when nothing hangs on it.
 */
@Component
class ContactChangeHandler implements CallbackEventHandler {

    private final DirectorySync directory;
    private final AuditTrail audit;
    private final TransactionTemplate own;

    ContactChangeHandler(DirectorySync directory, AuditTrail audit, PlatformTransactionManager transactions) {
        this.directory = directory;
        this.audit = audit;
        this.own = OwnTransaction.of(transactions);
    }

    @Override
    public Set<String> events() {
        return Set.of("change_contact");
    }

    @Override
    public Outcome handle(long tenantId, Map<String, String> fields) {
        String change = fields.getOrDefault("ChangeType", "");
        try {
            // a transaction of its own: a refusal rolls back this change only, not the writing of its outcome
            return Objects.requireNonNull(this.own.execute(s -> switch (change) {
                case "create_user", "update_user" -> member(tenantId, change, fields);
                case "delete_user" -> deleteMember(tenantId, fields.getOrDefault("UserID", ""));
                case "create_party", "update_party" -> department(tenantId, change, fields);
                case "delete_party" -> deleteDepartment(tenantId, fields);
                default -> Outcome.ignored("change_contact/" + change + " is not synced");
            }));
        } catch (DirectorySync.Refused e) {
            return Outcome.failed(change + ": " + e.getMessage());
        } catch (NumberFormatException e) {
            return Outcome.failed(change + ": not a number where WeCom sends one: " + e.getMessage());
        }
    }

    private Outcome member(long tenantId, String change, Map<String, String> fields) {
        String userId = fields.getOrDefault("UserID", "");
        if (userId.isEmpty()) {
            return Outcome.failed(change + " without UserID");
        }
        String newId = fields.getOrDefault("NewUserID", "");
        if (!newId.isEmpty() && !newId.equals(userId) && this.directory.renameMember(tenantId, userId, newId)) {
            this.audit.recordBySystem(tenantId, "wecom.user-renamed", "user", userId, userId + " → " + newId);
        }
        String id = newId.isEmpty() ? userId : newId;
        var base = this.directory
                .member(tenantId, id)
                .orElse(new DirectorySync.Member(id, "", null, null, true, List.of()));
        var merged = new DirectorySync.Member(
                id,
                fields.getOrDefault("Name", base.name()),
                fields.containsKey("Mobile") ? fields.get("Mobile") : base.mobile(),
                fields.containsKey("Email") ? fields.get("Email") : base.email(),
                fields.containsKey("Status")
                        ? SyncingDirectory.active(Integer.valueOf(fields.get("Status")))
                        : base.active(),
                fields.containsKey("Department")
                        ? memberships(fields.get("Department"), fields.getOrDefault("IsLeaderInDept", ""))
                        : base.departments());
        var result = this.directory.upsertMember(tenantId, merged);
        return outcome(tenantId, "user", id, result);
    }

    private Outcome deleteMember(long tenantId, String userId) {
        if (!this.directory.deactivateMember(tenantId, userId)) {
            return Outcome.ignored("no active user with WeCom id " + userId);
        }
        this.audit.recordBySystem(tenantId, "wecom.user-deactivated", "user", userId, "deleted in WeCom");
        return Outcome.done("user " + userId + " deactivated");
    }

    private Outcome department(long tenantId, String change, Map<String, String> fields) {
        long id = Long.parseLong(fields.getOrDefault("Id", ""));
        var base = this.directory.department(tenantId, id).orElse(new DirectorySync.Department(id, null, "", 0));
        var merged = new DirectorySync.Department(
                id,
                fields.containsKey("ParentId") ? Long.valueOf(fields.get("ParentId")) : base.parentWeComId(),
                fields.getOrDefault("Name", base.name()),
                fields.containsKey("Order") ? Long.parseLong(fields.get("Order")) : base.order());
        var result = this.directory.upsertDepartment(tenantId, merged);
        return outcome(tenantId, "department", String.valueOf(id), result);
    }

    private Outcome deleteDepartment(long tenantId, Map<String, String> fields) {
        long id = Long.parseLong(fields.getOrDefault("Id", ""));
        var deletion = this.directory.deleteDepartment(tenantId, id);
        if (!deletion.deleted()) {
            return Outcome.ignored(deletion.detail());
        }
        this.audit.recordBySystem(tenantId, "wecom.department-deleted", "department", id, deletion.detail());
        return Outcome.done(deletion.detail());
    }

    private Outcome outcome(long tenantId, String kind, String weComId, DirectorySync.Result result) {
        String what = kind + " " + weComId + " " + result.change().name().toLowerCase(java.util.Locale.ROOT);
        if (result.change() != Change.UNCHANGED) {
            this.audit.recordBySystem(tenantId, "wecom." + kind + "-synced", kind, result.id(), what);
        }
        return Outcome.done(what);
    }

    /** WeCom's {@code Department} and {@code IsLeaderInDept}: comma-separated, position by position. */
    static List<DirectorySync.Membership> memberships(String departments, String leaders) {
        String[] ids = departments.isBlank() ? new String[0] : departments.split(",");
        String[] leader = leaders.isBlank() ? new String[0] : leaders.split(",");
        List<DirectorySync.Membership> out = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            out.add(new DirectorySync.Membership(
                    Long.parseLong(ids[i].strip()),
                    i < leader.length && leader[i].strip().equals("1")));
        }
        return out;
    }
}
