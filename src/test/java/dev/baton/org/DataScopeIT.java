package dev.baton.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which users a department manager sees under each data scope. The organisation:
 * 总部 ⊃ 售后 ⊃ 华东; 总部 ⊃ 客服. The manager belongs to 售后.
 */
class DataScopeIT extends IntegrationTest {

    private Api admin;
    private String tenant;
    private long afterSales;
    private long service;

    @BeforeEach
    void organisation() {
        this.admin = newTenant();
        this.tenant = this.admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        long hq = createDepartment(this.admin, "总部", null);
        this.afterSales = createDepartment(this.admin, "售后", hq);
        long east = createDepartment(this.admin, "华东", this.afterSales);
        this.service = createDepartment(this.admin, "客服", hq);
        createUser(this.admin, "hq_staff", List.of(hq), List.of());
        createUser(this.admin, "aftersales_staff", List.of(this.afterSales), List.of());
        createUser(this.admin, "east_engineer", List.of(east), List.of());
        createUser(this.admin, "service_agent", List.of(this.service), List.of());
    }

    @Test
    void allScopeSeesEveryone() {
        assertThat(visibleToManagerWith("ALL", List.of()))
                .contains("hq_staff", "aftersales_staff", "east_engineer", "service_agent", "manager", "boss");
    }

    @Test
    void departmentTreeScopeSeesTheOwnDepartmentAndEverythingBelow() {
        assertThat(visibleToManagerWith("DEPARTMENT_TREE", List.of()))
                .containsExactlyInAnyOrder("aftersales_staff", "east_engineer", "manager");
    }

    @Test
    void departmentScopeSeesOnlyTheOwnDepartment() {
        assertThat(visibleToManagerWith("DEPARTMENT", List.of()))
                .containsExactlyInAnyOrder("aftersales_staff", "manager");
    }

    @Test
    void customScopeSeesTheChosenDepartmentsAndThemselves() {
        assertThat(visibleToManagerWith("CUSTOM", List.of(this.service)))
                .containsExactlyInAnyOrder("service_agent", "manager");
    }

    @Test
    void selfScopeSeesOnlyThemselves() {
        assertThat(visibleToManagerWith("SELF", List.of())).containsExactly("manager");
    }

    @Test
    void usersOutsideTheScopeAreNotFoundByIdEither() {
        visibleToManagerWith("DEPARTMENT", List.of());
        Api manager = api().login(this.tenant, "manager", "Secret-123456");
        long serviceAgent = this.admin
                .get("/api/v1/users?q=service_agent")
                .at("/items/0/id")
                .asLong();

        assertThat(manager.get("/api/v1/users/" + serviceAgent).status()).isEqualTo(404);
    }

    private List<String> visibleToManagerWith(String scope, List<Long> departments) {
        long role = this.admin
                .post(
                        "/api/v1/roles",
                        Map.of(
                                "code", "scope_" + scope.toLowerCase(),
                                "name", scope,
                                "permissions", List.of("ticket.read"),
                                "dataScope", scope,
                                "scopeDepartmentIds", departments))
                .id();
        createUser(this.admin, "manager", List.of(this.afterSales), List.of(role));
        Api manager = api().login(this.tenant, "manager", "Secret-123456");
        Api.Response page = manager.get("/api/v1/users?size=100");
        assertThat(page.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        page.json().path("items").forEach(u -> names.add(u.path("username").asString()));
        assertThat(page.json().path("total").asLong()).isEqualTo(names.size());
        return names;
    }
}
