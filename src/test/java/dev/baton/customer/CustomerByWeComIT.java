package dev.baton.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sidebar opened in a WeCom chat asks which customer the contact or the group chat is. */
class CustomerByWeComIT extends IntegrationTest {

    @Test
    void aContactOrAGroupChatLeadsToItsCustomerAndAnUnknownOneIsNotFound() {
        Api admin = newTenant().english();
        Api.Response created = admin.post(
                "/api/v1/customers",
                Map.of("name", "王先生", "wecomExternalIds", List.of("wmContact1"), "groupChatIds", List.of("wrGroup1")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Api.Response byContact = admin.get("/api/v1/customers/by-wecom?externalUserId=wmContact1");
        assertThat(byContact.status()).as(byContact.body()).isEqualTo(200);
        assertThat(byContact.body())
                .isEqualTo(admin.get("/api/v1/customers/" + created.id()).body());
        assertThat(admin.get("/api/v1/customers/by-wecom?chatId=wrGroup1").id()).isEqualTo(created.id());

        Api.Response unknown = admin.get("/api/v1/customers/by-wecom?externalUserId=wmNobody");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("type")).endsWith("/not-found");
        // another tenant's contact is not found either
        assertThat(newTenant()
                        .get("/api/v1/customers/by-wecom?externalUserId=wmContact1")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void exactlyOneOfTheTwoIdsIsGiven() {
        Api admin = newTenant().english();
        for (String query : List.of("", "?externalUserId=wm1&chatId=wr1", "?chatId=")) {
            Api.Response bad = admin.get("/api/v1/customers/by-wecom" + query);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.json()
                            .path("errors")
                            .valueStream()
                            .map(e -> e.path("field").asString()))
                    .containsExactlyInAnyOrder("externalUserId", "chatId");
        }
    }
}
