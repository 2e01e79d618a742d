package dev.baton.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserApiIT extends IntegrationTest {

    @Test
    void createdUserCanLogInAndIsListedWithEverythingGiven() {
        Api admin = newTenant();
        long department = createDepartment(admin, "华东区", null);
        long engineer = roleIds(admin).get("engineer");

        Api.Response created = admin.post(
                "/api/v1/users",
                Map.of(
                        "username", "chen",
                        "displayName", "陈工",
                        "password", "Secret-123456",
                        "mobile", "13900000000",
                        "email", "chen@example.com",
                        "departmentIds", List.of(department),
                        "roleIds", List.of(engineer),
                        "skills", List.of("空调", "空调", "安装"),
                        "regions", List.of("上海")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("skills").toString()).isEqualTo("[\"安装\",\"空调\"]");
        assertThat(created.body()).doesNotContain("password");
        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        Api chen = api().login(tenant, "chen", "Secret-123456");
        assertThat(chen.get("/api/v1/auth/me").text("displayName")).isEqualTo("陈工");
        assertThat(admin.get("/api/v1/users?departmentId=" + department)
                        .at("/items/0/username")
                        .asString())
                .isEqualTo("chen");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnceAndNothingIsSaved() {
        Api admin = newTenant().english();

        Api.Response r = admin.post(
                "/api/v1/users",
                Map.of(
                        "username", "!bad",
                        "displayName", "",
                        "password", "short",
                        "email", "not-an-email",
                        "mobile", "abc",
                        "departmentIds", List.of(987654)));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("type")).endsWith("/validation");
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).contains("username", "displayName", "password", "email", "mobile");
        assertThat(admin.get("/api/v1/users?q=bad").json().path("total").asLong())
                .isZero();
    }

    @Test
    void referencesToMissingDepartmentsAndRolesNameTheirPosition() {
        Api admin = newTenant();
        long real = createDepartment(admin, "真的", null);

        Api.Response r = admin.post(
                "/api/v1/users",
                Map.of(
                        "username", "ghost",
                        "displayName", "g",
                        "password", "Secret-123456",
                        "departmentIds", List.of(real, 987654),
                        "roleIds", List.of(987655)));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.at("/errors/0/field").asString()).isEqualTo("departmentIds[1]");
        assertThat(r.at("/errors/1/field").asString()).isEqualTo("roleIds[0]");
    }

    @Test
    void usernamesAreUniqueWithinATenant() {
        Api admin = newTenant();
        createUser(admin, "same", List.of(), List.of());

        Api.Response again = admin.post(
                "/api/v1/users", Map.of("username", "same", "displayName", "x", "password", "Secret-123456"));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.at("/errors/0/field").asString()).isEqualTo("username");
    }

    @Test
    void staleEditsAreRefusedWithTheCurrentVersion() {
        Api admin = newTenant();
        long id = createUser(admin, "shared", List.of(), List.of());
        assertThat(admin.put("/api/v1/users/" + id, Map.of("displayName", "first", "version", 0))
                        .status())
                .isEqualTo(200);

        Api.Response stale = admin.put("/api/v1/users/" + id, Map.of("displayName", "second", "version", 0));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("type")).endsWith("/version-conflict");
        assertThat(stale.json().path("currentVersion").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/users/" + id).text("displayName")).isEqualTo("first");
    }

    @Test
    void listsArePagedAndSorted() {
        Api admin = newTenant();
        for (String name : List.of("u_c", "u_a", "u_e", "u_b", "u_d")) {
            createUser(admin, name, List.of(), List.of());
        }

        Api.Response page = admin.get("/api/v1/users?q=u_&page=1&size=2&sort=username,desc");

        assertThat(page.json().path("total").asLong()).isEqualTo(5);
        assertThat(page.json().path("page").asInt()).isEqualTo(1);
        assertThat(page.at("/items/0/username").asString()).isEqualTo("u_c");
        assertThat(page.at("/items/1/username").asString()).isEqualTo("u_b");
        Api.Response badSort = admin.get("/api/v1/users?sort=password_hash");
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.at("/errors/0/field").asString()).isEqualTo("sort");
        assertThat(admin.get("/api/v1/users?size=100000").status()).isEqualTo(400);
    }

    @Test
    void badJsonWrongTypesAndUnknownFieldsAreClientErrors() {
        Api admin = newTenant().english();

        Api.Response malformed = admin.post("/api/v1/users", "{\"username\": ");
        Api.Response unknown = admin.post(
                "/api/v1/users",
                Map.of("username", "x1", "displayName", "x", "password", "Secret-123456", "isAdmin", true));
        Api.Response wrongType = admin.post(
                "/api/v1/users",
                Map.of("username", "x2", "displayName", "x", "password", "Secret-123456", "departmentIds", "all"));
        Api.Response badId = admin.get("/api/v1/users/not-a-number");
        Api.Response badEnum = admin.post(
                "/api/v1/roles",
                Map.of("code", "r1", "name", "r", "permissions", List.of(), "dataScope", "EVERYTHING"));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("type")).endsWith("/malformed-json");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.at("/errors/0/field").asString()).isEqualTo("isAdmin");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.at("/errors/0/field").asString()).isEqualTo("departmentIds");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.at("/errors/0/field").asString()).isEqualTo("id");
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.at("/errors/0/field").asString()).isEqualTo("dataScope");
        for (Api.Response r : List.of(malformed, unknown, wrongType, badId, badEnum)) {
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void oversizeBodiesAreRefused() {
        Api admin = newTenant();
        String huge = "{\"username\":\"big\",\"displayName\":\"" + "x".repeat(1_100_000) + "\"}";

        Api.Response r = admin.post("/api/v1/users", huge);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.text("type")).endsWith("/payload-too-large");
    }

    @Test
    void onlyOrganisationManagersMayChangeUsers() {
        Api admin = newTenant();
        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        createUser(admin, "agent1", List.of(), List.of(roleIds(admin).get("agent")));
        Api agent = api().login(tenant, "agent1", "Secret-123456");

        Api.Response r =
                agent.post("/api/v1/users", Map.of("username", "x3", "displayName", "x", "password", "Secret-123456"));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text("type")).endsWith("/forbidden");
    }

    @Test
    void theDemoPasswordCannotBecomeARealPassword() {
        Api admin = newTenant();

        Api.Response r =
                admin.post("/api/v1/users", Map.of("username", "lazy", "displayName", "x", "password", "baton-demo"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.at("/errors/0/field").asString()).isEqualTo("password");
    }
}
