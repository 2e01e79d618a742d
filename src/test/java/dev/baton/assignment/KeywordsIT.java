package dev.baton.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keyword classification through the API: import, width- and case-insensitive keywords, effect on new tickets. */
class KeywordsIT extends AssignmentTest {

    @Test
    void anImportWithOneBadEntryStoresNothingAndNamesTheEntry() {
        AssignmentDesk desk = desk();
        Api.Response bad = desk.admin
                .english()
                .post(
                        "/api/v1/assignment/keywords/import",
                        List.of(
                                Map.of("keyword", "漏水", "priority", "high"),
                                Map.of("keyword", "噪音", "priority", "asap"),
                                Map.of("keyword", "发票")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field"))
                .containsExactly("[1].priority", "[2].category");
        assertThat(desk.admin
                        .get("/api/v1/assignment/keywords")
                        .json()
                        .path("total")
                        .asInt())
                .isZero();

        Api.Response ok = desk.admin.post(
                "/api/v1/assignment/keywords/import",
                List.of(Map.of("keyword", "漏水", "priority", "high"), Map.of("keyword", "Noise", "category", "噪音")));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("created").asInt()).isEqualTo(2);
        Api.Response again = desk.admin.post(
                "/api/v1/assignment/keywords/import", List.of(Map.of("keyword", "ＮＯＩＳＥ", "category", "异响")));
        assertThat(again.json().path("replaced").asInt()).isEqualTo(1);
        assertThat(desk.admin
                        .get("/api/v1/assignment/keywords?q=noise")
                        .json()
                        .at("/items/0/category")
                        .asString())
                .isEqualTo("异响");
    }

    @Test
    void fullWidthAndUpperCaseAreTheSameKeyword() {
        AssignmentDesk desk = desk();
        assertThat(desk.admin
                        .post("/api/v1/assignment/keywords", Map.of("keyword", "VIP", "tags", List.of("vip")))
                        .status())
                .isEqualTo(201);
        Api.Response twin =
                desk.admin.post("/api/v1/assignment/keywords", Map.of("keyword", "ｖｉｐ", "tags", List.of("x")));
        assertThat(twin.status()).isEqualTo(400);
        assertThat(twin.at("/errors/0/field").asString()).isEqualTo("keyword");
    }

    @Test
    void aNewTicketGetsTheTemplateAndPriorityItsKeywordsImplyWhenTheRequestLeavesThemOut() {
        AssignmentDesk desk = desk();
        Api.Response kw = desk.admin.post(
                "/api/v1/assignment/keywords",
                Map.of("keyword", "KFR-35GW", "templateId", desk.templateId, "priority", "urgent", "category", "空调"));
        assertThat(kw.status()).as(kw.body()).isEqualTo(201);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "型号ＫＦＲ－３５ＧＷ不制冷");
        body.put("source", "wecom_sidebar");
        body.put("fields", Map.of("amount", 10));
        Api.Response created = desk.admin.post("/api/v1/tickets", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("templateId").asLong()).isEqualTo(desk.templateId);
        assertThat(created.text("priority")).isEqualTo("urgent");

        // a priority the caller gives wins over the keyword's
        body.put("priority", "low");
        assertThat(desk.admin.post("/api/v1/tickets", body).text("priority")).isEqualTo("low");
    }
}
