package dev.baton.wecom.internal;

import dev.baton.org.DirectorySync;
import dev.baton.platform.AuditTrail;
import dev.baton.platform.ConflictException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.bean.WxCpDepart;
import me.chanjar.weixin.cp.bean.WxCpUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * "Sync directory": reads every department the app can see ({@code department/list}) and each one's members
 * ({@code user/list}, one department at a time — WeCom no longer honours {@code fetch_child}), and applies them
 * through {@link DirectorySync}, parents before children. Each department and user is applied on its own, so one
 * refusal fails only that one; users WeCom no longer lists are deactivated only when every department was read.
 */
@Service
class SyncingDirectory {

    private static final int MAX_FAILURES_SHOWN = 20;

    private final TenantServices services;
    private final DirectorySync directory;
    private final AuditTrail audit;

    private final WeComCalls calls;

    SyncingDirectory(TenantServices services, DirectorySync directory, AuditTrail audit, WeComCalls calls) {
        this.calls = calls;
        this.services = services;
        this.directory = directory;
        this.audit = audit;
    }

    SyncCounts sync(long tenantId) {
        WxCpService wx = this.services.of(tenantId).orElseThrow(() -> new ConflictException("wecom-not-configured"));
        List<WxCpDepart> departments;
        try {
            departments = parentsFirst(this.calls.call(
                    "department/list", () -> wx.getDepartmentService().list(null)));
        } catch (WxErrorException e) {
            throw WeComErrors.refused(e);
        } catch (WxRuntimeException e) {
            // a failure WxJava wraps without an I/O cause (WeComCalls retried those it recognised)
            throw WeComUnavailable.unreachable(String.valueOf(e.getMessage()), 1);
        }
        var counts = new SyncCounts.Tally();
        for (WxCpDepart d : departments) {
            try {
                var result = this.directory.upsertDepartment(tenantId, department(d));
                counts.department(result.change());
            } catch (DirectorySync.Refused e) {
                counts.fail("department " + d.getId() + ": " + e.getMessage());
            }
        }
        Map<String, WxCpUser> members = new LinkedHashMap<>();
        boolean complete = true;
        for (WxCpDepart d : departments) {
            try {
                for (WxCpUser u :
                        this.calls.call("user/list", () -> wx.getUserService().listByDepartment(d.getId(), false, 0))) {
                    members.putIfAbsent(u.getUserId(), u);
                }
            } catch (WxErrorException e) {
                complete = false;
                counts.fail("members of department " + d.getId() + ": " + e.getError());
            } catch (WxRuntimeException | WeComUnavailable e) {
                complete = false;
                counts.fail("members of department " + d.getId() + ": " + e.getMessage());
            }
        }
        for (WxCpUser u : members.values()) {
            try {
                counts.user(this.directory.upsertMember(tenantId, member(u)).change());
            } catch (DirectorySync.Refused e) {
                counts.fail("user " + u.getUserId() + ": " + e.getMessage());
            }
        }
        if (complete) {
            counts.deactivated(this.directory.deactivateMissing(tenantId, members.keySet()));
        }
        SyncCounts result = counts.result(MAX_FAILURES_SHOWN);
        this.audit.record("wecom.sync-directory", "wecom_settings", tenantId, result.summary());
        return result;
    }

    static DirectorySync.Department department(WxCpDepart d) {
        return new DirectorySync.Department(
                d.getId(), d.getParentId(), d.getName() == null ? "" : d.getName(), orZero(d.getOrder()));
    }

    static DirectorySync.Member member(WxCpUser u) {
        Long[] ids = u.getDepartIds() == null ? new Long[0] : u.getDepartIds();
        Integer[] leader = u.getIsLeaderInDept() == null ? new Integer[0] : u.getIsLeaderInDept();
        List<DirectorySync.Membership> memberships = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            memberships.add(new DirectorySync.Membership(
                    ids[i], i < leader.length && Integer.valueOf(1).equals(leader[i])));
        }
        return new DirectorySync.Member(
                u.getUserId(),
                u.getName() == null ? "" : u.getName(),
                u.getMobile(),
                u.getEmail(),
                active(u.getStatus()),
                memberships);
    }

    /** WeCom's member status: 1 active, 2 disabled, 4 not yet activated, 5 left the company. */
    static boolean active(@Nullable Integer status) {
        return status == null || (status != 2 && status != 5);
    }

    /** Orders the list so every department comes after its parent (when the parent is listed at all). */
    static List<WxCpDepart> parentsFirst(List<WxCpDepart> departments) {
        Map<Long, WxCpDepart> byId = new HashMap<>();
        departments.forEach(d -> byId.put(d.getId(), d));
        Map<Long, Integer> depth = new HashMap<>();
        for (WxCpDepart d : departments) {
            int n = 0;
            WxCpDepart p = byId.get(d.getParentId());
            while (p != null && n < departments.size()) {
                n++;
                p = byId.get(p.getParentId());
            }
            depth.put(d.getId(), n);
        }
        return departments.stream()
                .sorted(Comparator.comparing((WxCpDepart d) -> depth.get(d.getId())))
                .toList();
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
