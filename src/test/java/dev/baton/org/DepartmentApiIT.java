package dev.baton.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DepartmentApiIT extends IntegrationTest {

    @Test
    void aDepartmentMovesWithItsWholeSubtree() {
        Api admin = newTenant();
        long a = createDepartment(admin, "A", null);
        long b = createDepartment(admin, "B", null);
        long child = createDepartment(admin, "A1", a);
        createDepartment(admin, "A1x", child);

        Api.Response moved =
                admin.put("/api/v1/departments/" + child, Map.of("name", "A1", "parentId", b, "version", 0));

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().path("parentId").asLong()).isEqualTo(b);
        // the grandchild followed: a B-tree-scoped role now sees its members
        long role = admin.post(
                        "/api/v1/roles",
                        Map.of("code", "b_tree", "name", "B", "permissions", List.of(), "dataScope", "DEPARTMENT_TREE"))
                .id();
        long grandchild = admin.get("/api/v1/departments")
                .json()
                .valueStream()
                .filter(d -> d.path("name").asString().equals("A1x"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asLong();
        createUser(admin, "deep", List.of(grandchild), List.of());
        createUser(admin, "b_head", List.of(b), List.of(role));
        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        assertThat(api().login(tenant, "b_head", "Secret-123456")
                        .get("/api/v1/users?size=50")
                        .body())
                .contains("\"deep\"");
    }

    @Test
    void aDepartmentCannotMoveUnderItself() {
        Api admin = newTenant();
        long a = createDepartment(admin, "A", null);
        long child = createDepartment(admin, "A1", a);

        Api.Response self = admin.put("/api/v1/departments/" + a, Map.of("name", "A", "parentId", a, "version", 0));
        Api.Response below =
                admin.put("/api/v1/departments/" + a, Map.of("name", "A", "parentId", child, "version", 0));

        assertThat(self.status()).isEqualTo(400);
        assertThat(below.status()).isEqualTo(400);
        assertThat(below.at("/errors/0/field").asString()).isEqualTo("parentId");
    }

    @Test
    void deletingIsRefusedWhileChildrenOrMembersRemain() {
        Api admin = newTenant();
        long parent = createDepartment(admin, "P", null);
        long child = createDepartment(admin, "C", parent);
        createUser(admin, "member", List.of(child), List.of());

        assertThat(admin.delete("/api/v1/departments/" + parent).text("type")).endsWith("/department-has-children");
        assertThat(admin.delete("/api/v1/departments/" + child).text("type")).endsWith("/department-has-members");
        long empty = createDepartment(admin, "E", null);
        assertThat(admin.delete("/api/v1/departments/" + empty).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/departments").body()).doesNotContain("\"E\"");
    }

    @Test
    void ofManyConcurrentEditsOfOneVersionExactlyOneWins() throws Exception {
        Api admin = newTenant();
        long id = createDepartment(admin, "争抢", null);
        int editors = 12;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(editors);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < editors; i++) {
            String name = "编辑" + i;
            results.add(pool.submit(() -> {
                start.await();
                return admin.put("/api/v1/departments/" + id, Map.of("name", name, "version", 0))
                        .status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var r : results) {
            statuses.add(r.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(editors - 1);
        assertThat(admin.get("/api/v1/departments").body()).contains("\"version\":1");
    }

    @Test
    void aBlankNameIsRefused() {
        Api admin = newTenant();

        Api.Response r = admin.post("/api/v1/departments", Map.of("name", "  "));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.at("/errors/0/field").asString()).isEqualTo("name");
    }
}
