package dev.baton.ticket;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.List;

/** Integration tests on a fresh {@link TicketFixture} service desk. */
abstract class TicketTest extends IntegrationTest {

    TicketFixture desk() {
        Api admin = newTenant();
        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        return new TicketFixture(
                admin,
                roleIds(admin),
                new TicketFixture.Org() {
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
