package dev.baton.org;

import static dev.baton.platform.db.Tables.TENANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.OrgDirectory;
import dev.baton.platform.OrgDirectory.Visibility;
import dev.baton.platform.PrincipalDirectory;
import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The organisation as the ticket module sees it, through the real {@link OrgDirectory} bean. The tree:
 * 总部 ⊃ 售后 ⊃ 华东; 总部 ⊃ 客服. 总部 is led by hq_lead, 售后 has no leader, 华东 is led by east_lead.
 * Every change goes through the HTTP API, as an administrator would make it.
 */
class OrgDirectoryIT extends IntegrationTest {

    @Autowired
    OrgDirectory directory;

    @Autowired
    PrincipalDirectory principals;

    @Autowired
    DSLContext db;

    private Api admin;
    private long tenant;
    private long hq;
    private long afterSales;
    private long east;
    private long service;
    private long hqLead;
    private long eastLead;
    private long engineer;

    @BeforeEach
    void organisation() {
        this.admin = newTenant();
        this.tenant = tenantId(this.admin);
        this.hq = createDepartment(this.admin, "总部", null);
        this.afterSales = createDepartment(this.admin, "售后", this.hq);
        this.east = createDepartment(this.admin, "华东", this.afterSales);
        this.service = createDepartment(this.admin, "客服", this.hq);
        this.hqLead = createUser(this.admin, "hq_lead", List.of(this.hq), List.of());
        this.eastLead = createUser(this.admin, "east_lead", List.of(this.east), List.of());
        this.engineer = createUser(this.admin, "east_engineer", List.of(this.east), List.of());
        setLeader(this.hq, this.hqLead);
        setLeader(this.east, this.eastLead);
    }

    @Test
    void leaderLevelsClimbTheTreeAndADepartmentWithoutLeaderDefersToTheNextLeaderUp() {
        assertThat(this.directory.leaderOf(this.tenant, this.east, 1)).contains(this.eastLead);
        assertThat(this.directory.leaderOf(this.tenant, this.east, 2)).contains(this.hqLead);
        assertThat(this.directory.leaderOf(this.tenant, this.east, 3)).contains(this.hqLead);
        assertThat(this.directory.leaderOf(this.tenant, this.east, 4)).isEmpty();
        assertThat(this.directory.leaderOf(this.tenant, this.afterSales, 1)).contains(this.hqLead);
        assertThat(this.directory.leaderOf(this.tenant, this.hq, 2)).isEmpty();
        assertThat(this.directory.leaderOf(this.tenant, 987_654_321L, 1)).isEmpty();
        assertThatThrownBy(() -> this.directory.leaderOf(this.tenant, this.east, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeactivatedUserIsNoLongerLeaderMemberOrRoleHolderButKeepsTheirName() {
        long fixer = createRole("fixer", "SELF", List.of());
        long activeFixer = createUser(this.admin, "fixer_a", List.of(this.east), List.of(fixer));
        long leavingFixer = createUser(this.admin, "fixer_b", List.of(this.east), List.of(fixer));
        setLeader(this.afterSales, leavingFixer);
        // asked once before the change, so a stale cached answer would show
        assertThat(this.directory.leaderOf(this.tenant, this.afterSales, 1)).contains(leavingFixer);
        assertThat(this.directory.usersWithRole(this.tenant, "fixer", 10)).containsExactly(activeFixer, leavingFixer);
        assertThat(this.directory.isActive(this.tenant, leavingFixer)).isTrue();

        deactivate(leavingFixer);

        assertThat(this.directory.leaderOf(this.tenant, this.afterSales, 1)).contains(this.hqLead);
        assertThat(this.directory.leaderOf(this.tenant, this.east, 2)).contains(this.hqLead);
        assertThat(this.directory.usersWithRole(this.tenant, "fixer", 10)).containsExactly(activeFixer);
        assertThat(this.directory.membersOf(this.tenant, this.east, 10))
                .containsExactly(this.eastLead, this.engineer, activeFixer);
        assertThat(this.directory.isActive(this.tenant, leavingFixer)).isFalse();
        assertThat(this.directory.departmentsOf(this.tenant, leavingFixer)).isEmpty();
        assertThat(this.directory.names(this.tenant, List.of(leavingFixer))).containsEntry(leavingFixer, "fixer_b");

        deactivate(this.eastLead);
        assertThat(this.directory.leaderOf(this.tenant, this.east, 1)).contains(this.hqLead);
    }

    @Test
    void changingALeaderThroughTheApiShowsAtOnce() {
        assertThat(this.directory.leaderOf(this.tenant, this.afterSales, 1)).contains(this.hqLead);
        assertThat(this.directory.leaderOf(this.tenant, this.east, 2)).contains(this.hqLead);

        setLeader(this.afterSales, this.engineer);

        assertThat(this.directory.leaderOf(this.tenant, this.afterSales, 1)).contains(this.engineer);
        assertThat(this.directory.leaderOf(this.tenant, this.east, 2)).contains(this.engineer);
        assertThat(this.directory.leaderOf(this.tenant, this.east, 3)).contains(this.hqLead);
    }

    @Test
    void theDepartmentWithTheLowestSortOrderComesFirst() {
        long later = createDepartment("later", this.hq, 5);
        long earlier = createDepartment("earlier", this.hq, 1);
        long user = createUser(this.admin, "two_hats", List.of(later, earlier), List.of());

        assertThat(this.directory.departmentsOf(this.tenant, user)).containsExactly(earlier, later);
        assertThat(this.directory.departmentsOf(this.tenant, this.eastLead)).containsExactly(this.east);
        assertThat(this.directory.departmentsOf(this.tenant, 987_654_321L)).isEmpty();
    }

    @Test
    void roleHoldersAndMembersAreActiveSortedByIdAndLimited() {
        long fixer = createRole("fixer", "SELF", List.of());
        long first = createUser(this.admin, "fixer_1", List.of(this.afterSales), List.of(fixer));
        long second = createUser(this.admin, "fixer_2", List.of(this.service), List.of(fixer));
        long third = createUser(this.admin, "fixer_3", List.of(this.service), List.of(fixer));

        assertThat(this.directory.usersWithRole(this.tenant, "fixer", 10)).containsExactly(first, second, third);
        assertThat(this.directory.usersWithRole(this.tenant, "fixer", 2)).containsExactly(first, second);
        assertThat(this.directory.usersWithRole(this.tenant, "fixer", 0)).isEmpty();
        assertThat(this.directory.usersWithRole(this.tenant, "no_such_role", 10))
                .isEmpty();
        // the members of 售后 itself, not those of 华东 below it
        assertThat(this.directory.membersOf(this.tenant, this.afterSales, 10)).containsExactly(first);
        assertThat(this.directory.membersOf(this.tenant, this.service, 1)).containsExactly(second);
        assertThat(this.directory.membersOf(this.tenant, this.east, 10)).containsExactly(this.eastLead, this.engineer);
        assertThatThrownBy(() -> this.directory.membersOf(this.tenant, this.east, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAndActivityAreAnsweredOnlyWithinTheTenant() {
        assertThat(this.directory.names(this.tenant, List.of(this.hqLead, this.eastLead, 987_654_321L)))
                .isEqualTo(Map.of(this.hqLead, "hq_lead", this.eastLead, "east_lead"));
        assertThat(this.directory.isActive(this.tenant, this.eastLead)).isTrue();
        assertThat(this.directory.isActive(this.tenant, 987_654_321L)).isFalse();

        long otherTenant = tenantId(newTenant());
        assertThat(this.directory.names(otherTenant, List.of(this.eastLead))).isEmpty();
        assertThat(this.directory.isActive(otherTenant, this.eastLead)).isFalse();
        assertThat(this.directory.departmentsOf(otherTenant, this.eastLead)).isEmpty();
        assertThat(this.directory.leaderOf(otherTenant, this.east, 1)).isEmpty();
        assertThat(this.directory.membersOf(otherTenant, this.east, 10)).isEmpty();
    }

    @Test
    void aRenameShowsAtOnce() {
        assertThat(this.directory.names(this.tenant, List.of(this.engineer)))
                .containsEntry(this.engineer, "east_engineer");

        JsonNode user = this.admin.get("/api/v1/users/" + this.engineer).json();
        assertThat(this.admin
                        .put(
                                "/api/v1/users/" + this.engineer,
                                Map.of(
                                        "displayName",
                                        "陈工",
                                        "version",
                                        user.path("version").asInt()))
                        .status())
                .isEqualTo(200);

        assertThat(this.directory.names(this.tenant, List.of(this.engineer))).containsEntry(this.engineer, "陈工");
    }

    @Test
    void visibilityFollowsTheDataScopeOfEachRole() {
        assertThat(visibilityOf(managerWith("ALL", List.of()))).isEqualTo(new Visibility(true, Set.of()));
        assertThat(visibilityOf(managerWith("DEPARTMENT", List.of())))
                .isEqualTo(new Visibility(false, Set.of(this.afterSales)));
        assertThat(visibilityOf(managerWith("DEPARTMENT_TREE", List.of())))
                .isEqualTo(new Visibility(false, Set.of(this.afterSales, this.east)));
        assertThat(visibilityOf(managerWith("CUSTOM", List.of(this.service))))
                .isEqualTo(new Visibility(false, Set.of(this.service)));
        assertThat(visibilityOf(managerWith("SELF", List.of()))).isEqualTo(new Visibility(false, Set.of()));
    }

    @Test
    void visibilityIsTheUnionOfTheCallersRoles() {
        long department = createRole("own_department", "DEPARTMENT", List.of());
        long custom = createRole("service_desk", "CUSTOM", List.of(this.service));
        long self = createRole("only_me", "SELF", List.of());
        long manager = createUser(this.admin, "manager", List.of(this.afterSales), List.of(department, custom, self));

        Visibility seen = visibilityOf(manager);

        assertThat(seen).isEqualTo(new Visibility(false, Set.of(this.afterSales, this.service)));
        assertThat(seen.covers(this.service)).isTrue();
        assertThat(seen.covers(this.east)).isFalse();
    }

    @Test
    void anApiKeySeesWhatItsOwnRolesGrant() {
        long custom = createRole("service_desk", "CUSTOM", List.of(this.service));
        Api.Response key = this.admin.post("/api/v1/api-keys", Map.of("name", "crm", "roleIds", List.of(custom)));
        assertThat(key.status()).isEqualTo(201);

        CurrentUser caller = this.principals.findApiKey(key.text("key")).orElseThrow();

        // the administrator who created the key sees everything; the key only what its role grants
        assertThat(this.directory.visibility(caller)).isEqualTo(new Visibility(false, Set.of(this.service)));
    }

    @Test
    void roleAndTreeChangesShowInVisibilityAtOnce() {
        long role = createRole("scoped", "DEPARTMENT", List.of());
        long manager = createUser(this.admin, "manager", List.of(this.afterSales), List.of(role));
        assertThat(visibilityOf(manager).departmentIds()).containsExactly(this.afterSales);

        JsonNode current = this.admin.get("/api/v1/roles/" + role).json();
        assertThat(this.admin
                        .put(
                                "/api/v1/roles/" + role,
                                Map.of(
                                        "name",
                                        "scoped",
                                        "permissions",
                                        List.of("ticket.read"),
                                        "dataScope",
                                        "DEPARTMENT_TREE",
                                        "version",
                                        current.path("version").asInt()))
                        .status())
                .isEqualTo(200);
        assertThat(visibilityOf(manager).departmentIds()).containsExactlyInAnyOrder(this.afterSales, this.east);

        long south = createDepartment(this.admin, "华南", this.afterSales);
        assertThat(visibilityOf(manager).departmentIds()).containsExactlyInAnyOrder(this.afterSales, this.east, south);
    }

    private Visibility visibilityOf(long userId) {
        CurrentUser me = this.principals.findUser(this.tenant, userId).orElseThrow();
        return this.directory.visibility(me);
    }

    private long managerWith(String scope, List<Long> departments) {
        long role = createRole("scope_" + scope.toLowerCase(), scope, departments);
        return createUser(this.admin, "manager_" + scope.toLowerCase(), List.of(this.afterSales), List.of(role));
    }

    private long createRole(String code, String scope, List<Long> departments) {
        Api.Response r = this.admin.post(
                "/api/v1/roles",
                Map.of(
                        "code", code,
                        "name", code,
                        "permissions", List.of("ticket.read"),
                        "dataScope", scope,
                        "scopeDepartmentIds", departments));
        assertThat(r.status()).isEqualTo(201);
        return r.id();
    }

    private long createDepartment(String name, long parentId, int sortOrder) {
        Api.Response r = this.admin.post(
                "/api/v1/departments", Map.of("name", name, "parentId", parentId, "sortOrder", sortOrder));
        assertThat(r.status()).isEqualTo(201);
        return r.id();
    }

    /** Edits only the leader, keeping the department's other fields as they are. */
    private void setLeader(long departmentId, long leaderUserId) {
        JsonNode department = null;
        for (JsonNode d : this.admin.get("/api/v1/departments").json()) {
            if (d.path("id").asLong() == departmentId) {
                department = d;
            }
        }
        assertThat(department).isNotNull();
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", department.path("name").asString());
        body.put(
                "parentId",
                department.path("parentId").isNull()
                        ? null
                        : department.path("parentId").asLong());
        body.put("leaderUserId", leaderUserId);
        body.put("sortOrder", department.path("sortOrder").asInt());
        body.put("version", department.path("version").asInt());
        assertThat(this.admin.put("/api/v1/departments/" + departmentId, body).status())
                .isEqualTo(200);
    }

    private void deactivate(long userId) {
        JsonNode user = this.admin.get("/api/v1/users/" + userId).json();
        assertThat(this.admin
                        .put(
                                "/api/v1/users/" + userId,
                                Map.of(
                                        "displayName",
                                        user.path("displayName").asString(),
                                        "active",
                                        false,
                                        "version",
                                        user.path("version").asInt()))
                        .status())
                .isEqualTo(200);
    }

    private long tenantId(Api tenantAdmin) {
        String code = tenantAdmin.get("/api/v1/auth/me").at("/tenant/code").asString();
        return this.db
                .select(TENANTS.TENANT_ID)
                .from(TENANTS)
                .where(TENANTS.CODE.eq(code))
                .fetchSingle(TENANTS.TENANT_ID);
    }
}
