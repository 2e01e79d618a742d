package dev.baton.org.internal;

import static dev.baton.platform.db.Tables.USER_ROLES;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The demo company: an after-sales service organisation with agents, supervisors and engineers. */
@Component
class DemoOrganisation {

    private final DepartmentRepository departments;
    private final UserRepository users;
    private final DSLContext db;
    private final Clock clock;

    DemoOrganisation(DepartmentRepository departments, UserRepository users, DSLContext db, Clock clock) {
        this.departments = departments;
        this.users = users;
        this.db = db;
        this.clock = clock;
    }

    void seed(TenantProvisioning.Provisioned tenant, String passwordHash) {
        long t = tenant.tenantId();
        Instant now = this.clock.instant();
        long root = tenant.rootDepartmentId();
        String rootPath = "/" + root + "/";
        long service = this.departments.insert(t, root, rootPath, "客服部", null, 1, now);
        long afterSales = this.departments.insert(t, root, rootPath, "售后服务部", null, 2, now);
        String afterSalesPath = rootPath + afterSales + "/";
        long east = this.departments.insert(t, afterSales, afterSalesPath, "华东区", null, 1, now);
        long south = this.departments.insert(t, afterSales, afterSalesPath, "华南区", null, 2, now);

        long supervisor = tenant.roleIds().get("supervisor");
        long agent = tenant.roleIds().get("agent");
        long engineer = tenant.roleIds().get("engineer");
        long zhaomin =
                user(t, passwordHash, now, "zhaomin", "赵敏", "13800000001", service, supervisor, List.of(), List.of());
        user(t, passwordHash, now, "lina", "李娜", "13800000002", service, agent, List.of("投诉处理"), List.of());
        user(t, passwordHash, now, "wangfang", "王芳", "13800000003", service, agent, List.of("售前咨询"), List.of());
        long zhangwei = user(
                t, passwordHash, now, "zhangwei", "张伟", "13800000004", afterSales, supervisor, List.of(), List.of());
        user(
                t,
                passwordHash,
                now,
                "chenqiang",
                "陈强",
                "13800000005",
                east,
                engineer,
                List.of("空调", "安装"),
                List.of("上海", "杭州"));
        user(
                t,
                passwordHash,
                now,
                "liuyang",
                "刘洋",
                "13800000006",
                south,
                engineer,
                List.of("维修", "空调"),
                List.of("广州", "深圳"));
        user(t, passwordHash, now, "sunli", "孙丽", "13800000007", east, engineer, List.of("维修"), List.of("南京"));
        setLeader(t, service, zhaomin);
        setLeader(t, afterSales, zhangwei);
    }

    void grantRole(long tenantId, long userId, long roleId) {
        this.db
                .insertInto(USER_ROLES)
                .set(USER_ROLES.TENANT_ID, tenantId)
                .set(USER_ROLES.USER_ID, userId)
                .set(USER_ROLES.ROLE_ID, roleId)
                .execute();
    }

    private long user(
            long tenantId,
            String passwordHash,
            Instant now,
            String username,
            String name,
            String mobile,
            long department,
            long role,
            List<String> skills,
            List<String> regions) {
        UserData data = new UserData(
                username,
                name,
                mobile,
                username + "@demo.baton.dev",
                username,
                true,
                List.of(department),
                List.of(role),
                skills,
                regions);
        long id = this.users.insert(tenantId, data, passwordHash, now);
        this.users.replaceChildren(tenantId, id, data);
        return id;
    }

    private void setLeader(long tenantId, long departmentId, long userId) {
        var d = this.departments.find(tenantId, departmentId).orElseThrow();
        this.departments.update(
                tenantId,
                departmentId,
                d.getVersion(),
                d.getParentId(),
                d.getName(),
                userId,
                d.getSortOrder(),
                this.clock.instant());
    }
}
