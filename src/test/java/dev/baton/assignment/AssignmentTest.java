package dev.baton.assignment;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.List;

/** Integration tests on a fresh {@link AssignmentDesk}. */
abstract class AssignmentTest extends IntegrationTest {

    AssignmentDesk desk() {
        Api admin = newTenant();
        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        return new AssignmentDesk(
                admin,
                roleIds(admin),
                new AssignmentDesk.Org() {
                    @Override
                    public long department(String name, long parentId) {
                        return createDepartment(admin, name, parentId);
                    }

                    @Override
                    public long user(String username, long department, long role) {
                        return createUser(admin, username, List.of(department), List.of(role));
                    }
                },
                username -> api().login(tenant, username, "Secret-123456"));
    }
}
