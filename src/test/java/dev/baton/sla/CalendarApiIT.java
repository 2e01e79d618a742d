package dev.baton.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.platform.db.Tables;
import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class CalendarApiIT extends IntegrationTest {

    private static final Map<String, Object> OFFICE = Map.of(
            "MONDAY", List.of(List.of("09:00", "12:00"), List.of("13:30", "18:00")),
            "TUESDAY", List.of(List.of("09:00", "12:00"), List.of("13:30", "18:00")),
            "WEDNESDAY", List.of(List.of("09:00", "12:00"), List.of("13:30", "18:00")),
            "THURSDAY", List.of(List.of("09:00", "12:00"), List.of("13:30", "18:00")),
            "FRIDAY", List.of(List.of("09:00", "12:00"), List.of("13:30", "18:00")));

    @Autowired
    BusinessCalendars businessCalendars;

    @Autowired
    DSLContext db;

    @Test
    void otherModulesGetTheTenantsDefaultCalendarAndSeeItsChanges() {
        Api admin = newTenant();
        String code = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        long tenantId = this.db
                .select(Tables.TENANTS.TENANT_ID)
                .from(Tables.TENANTS)
                .where(Tables.TENANTS.CODE.eq(code))
                .fetchSingle(Tables.TENANTS.TENANT_ID);
        assertThat(strings(admin.get("/api/v1/auth/me").json().path("permissions")))
                .contains("calendar.manage");

        BusinessCalendar standard = this.businessCalendars.defaultFor(tenantId).orElseThrow();
        assertThat(standard.zone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(standard.isWorkingDay(java.time.LocalDate.parse("2026-10-10")))
                .isTrue();

        Map<String, Object> berlin = calendar("柏林");
        berlin.put("zone", "Europe/Berlin");
        berlin.put("default", true);
        assertThat(admin.post("/api/v1/calendars", berlin).status()).isEqualTo(201);

        assertThat(this.businessCalendars
                        .defaultFor(tenantId)
                        .orElseThrow()
                        .zone()
                        .getId())
                .isEqualTo("Europe/Berlin");
        assertThat(this.businessCalendars.defaultFor(tenantId + 100_000)).isEmpty();
    }

    @Test
    void aNewTenantHasTheStandardCalendarAsDefaultAndA7x24One() {
        Api admin = newTenant();

        JsonNode list = admin.get("/api/v1/calendars").json();

        assertThat(list.path("total").asLong()).isEqualTo(2);
        long standard = idOf(list, "标准工作日历");
        assertThat(item(list, "标准工作日历").path("default").asBoolean()).isTrue();
        assertThat(item(list, "7×24").path("default").asBoolean()).isFalse();
        Api.Response read = admin.get("/api/v1/calendars/" + standard);
        assertThat(read.text("zone")).isEqualTo("Asia/Shanghai");
        assertThat(read.at("/windows/MONDAY/1/0").asString()).isEqualTo("13:30");
        assertThat(strings(read.json().path("holidays"))).contains("2026-10-01", "2025-01-01");
        assertThat(strings(read.json().path("workdays"))).contains("2026-10-10");
        assertThat(read.at("/names/2026-10-01").asString()).isEqualTo("国庆节");

        Api.Response due =
                admin.get("/api/v1/calendars/" + standard + "/deadline?from=2026-09-30T17:30:00%2B08:00&duration=PT2H");
        assertThat(due.status()).isEqualTo(200);
        assertThat(due.text("deadline")).isEqualTo("2026-10-08T10:30:00+08:00");
        assertThat(due.json().path("warnings").size()).isZero();
        long allDay = idOf(list, "7×24");
        assertThat(admin.get("/api/v1/calendars/" + allDay + "/deadline?from=2026-09-30T17:30:00Z&duration=PT2H")
                        .text("deadline"))
                .isEqualTo("2026-10-01T03:30:00+08:00");
    }

    @Test
    void deadlineAndElapsedAnswerInTheCalendarsZoneAndWarnAboutYearsWithoutHolidays() {
        Api admin = newTenant().english();
        long standard = idOf(admin.get("/api/v1/calendars").json(), "标准工作日历");
        String base = "/api/v1/calendars/" + standard;

        Api.Response elapsed =
                admin.get(base + "/elapsed?from=2026-09-30T17:30:00%2B08:00&to=2026-10-08T10:30:00%2B08:00");
        assertThat(elapsed.json().path("minutes").asLong()).isEqualTo(120);
        assertThat(elapsed.text("duration")).isEqualTo("PT2H");
        // a local time is read in the calendar's zone; an unencoded '+' arrives as a space and is accepted
        assertThat(admin.get(base + "/deadline?from=2026-11-03T15:00&duration=P3D")
                        .text("deadline"))
                .isEqualTo("2026-11-06T15:00:00+08:00");
        assertThat(admin.get(base + "/deadline?from=2026-11-03T15:00:00+08:00&duration=P1DT2H")
                        .text("deadline"))
                .isEqualTo("2026-11-04T17:00:00+08:00");

        Api.Response late = admin.get(base + "/deadline?from=2027-12-30T10:00:00%2B08:00&duration=P5D");
        assertThat(strings(late.json().path("warnings")))
                .containsExactly("no holiday data for 2027", "no holiday data for 2028");

        Api.Response bad = admin.get(base + "/deadline?from=yesterday&duration=2h");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("from", "duration");
        assertThat(fields(admin.get(base + "/deadline?from=2026-11-03T15:00&duration=PT-1H")))
                .containsExactly("duration");
        assertThat(fields(admin.get(base + "/elapsed?from=2026-11-03T15:00&to=2026-11-02T15:00")))
                .containsExactly("to");
        assertThat(fields(admin.get(base + "/deadline?from=2026-11-03T15:00"))).containsExactly("duration");
    }

    @Test
    void aCalendarIsCreatedReadUpdatedAndDeletedWithVersions() {
        Api admin = newTenant();
        Map<String, Object> body = calendar("华东现场");
        body.put("holidays", List.of("2026-10-01", "2026-10-02"));
        body.put("workdays", List.of("2026-10-10"));
        body.put("workdayWindows", Map.of("2026-10-10", "FRIDAY"));
        body.put("customerLevel", "VIP");

        Api.Response created = admin.post("/api/v1/calendars", body);

        assertThat(created.status()).isEqualTo(201);
        long id = created.id();
        assertThat(created.json().path("default").asBoolean()).isFalse();
        assertThat(created.at("/workdayWindows/2026-10-10").asString()).isEqualTo("FRIDAY");
        assertThat(created.text("customerLevel")).isEqualTo("VIP");
        assertThat(admin.get("/api/v1/calendars?size=1&page=1&sort=name,desc")
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);

        Map<String, Object> edit = calendar("华东现场");
        edit.put("zone", "Asia/Urumqi");
        edit.put("version", 0);
        edit.put("default", true);
        Api.Response updated = admin.put("/api/v1/calendars/" + id, edit);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("zone")).isEqualTo("Asia/Urumqi");
        assertThat(updated.json().path("version").asInt()).isEqualTo(1);
        assertThat(updated.json().path("holidays").size()).isZero();
        // exactly one default: the standard calendar gave it up
        JsonNode list = admin.get("/api/v1/calendars").json();
        assertThat(item(list, "标准工作日历").path("default").asBoolean()).isFalse();
        assertThat(item(list, "华东现场").path("default").asBoolean()).isTrue();

        Api.Response stale = admin.put("/api/v1/calendars/" + id, edit);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("currentVersion").asInt()).isEqualTo(1);
        assertThat(admin.delete("/api/v1/calendars/" + id + "?version=1").status())
                .isEqualTo(409);
        long standard = idOf(list, "标准工作日历");
        int standardVersion = admin.get("/api/v1/calendars/" + standard)
                .json()
                .path("version")
                .asInt();
        assertThat(admin.delete("/api/v1/calendars/" + standard + "?version=" + (standardVersion + 5))
                        .json()
                        .path("currentVersion")
                        .asInt())
                .isEqualTo(standardVersion);
        assertThat(admin.delete("/api/v1/calendars/" + standard + "?version=" + standardVersion)
                        .status())
                .isEqualTo(204);
        assertThat(admin.get("/api/v1/calendars/" + standard).status()).isEqualTo(404);
    }

    @Test
    void invalidCalendarsAreRefusedWithEveryFieldNamed() {
        Api admin = newTenant().english();
        Map<String, Object> body = new HashMap<>();
        body.put("name", "坏日历");
        body.put("zone", "Mars/Olympus");
        body.put(
                "windows",
                Map.of(
                        "MONDAY", List.of(List.of("09:00", "12:00"), List.of("11:00", "13:00")),
                        "TUESDAY", List.of(List.of("18:00", "09:00")),
                        "WEDNESDAY", List.of(List.of("25:00", "26:00")),
                        "FUNDAY", List.of()));
        body.put("holidays", List.of("2026-10-01", "2026-13-01"));
        body.put("workdays", List.of("2026-10-01"));

        Api.Response r = admin.post("/api/v1/calendars", body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fields(r))
                .contains(
                        "zone",
                        "windows.MONDAY[1]",
                        "windows.TUESDAY[0]",
                        "windows.WEDNESDAY[0]",
                        "windows.FUNDAY",
                        "holidays[1]",
                        "workdays[0]");
        assertThat(r.at("/errors/0/message").asString()).isNotBlank();

        Map<String, Object> idle = new HashMap<>();
        idle.put("name", "空");
        idle.put("windows", Map.of("MONDAY", List.of()));
        assertThat(fields(admin.post("/api/v1/calendars", idle))).containsExactly("windows");
        assertThat(fields(admin.post("/api/v1/calendars", calendar("标准工作日历")))).containsExactly("name");
        assertThat(fields(admin.post("/api/v1/calendars", Map.of("windows", OFFICE))))
                .containsExactly("name");
    }

    @Test
    void holidaysImportFromJsonAndCsvReplacingThatYear() {
        Api admin = newTenant();
        long id = admin.post("/api/v1/calendars", withDates("导入", List.of("2027-05-03", "2026-10-01")))
                .id();
        String json = """
                {"description": "test",
                 "2027": {"source": "国务院办公厅通知",
                          "holidays": {"元旦": ["2027-01-01"], "劳动节": ["2027-05-01", "2027-05-02"]},
                          "workdays": {"调休": ["2027-05-08"]}}}""";

        Api.Response imported = admin.send("POST", "/api/v1/calendars/" + id + "/holidays/import", json);

        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().path("years").get(0).asInt()).isEqualTo(2027);
        assertThat(dates(imported.json().path("added")))
                .containsExactly("2027-01-01", "2027-05-01", "2027-05-02", "2027-05-08");
        assertThat(dates(imported.json().path("removed"))).containsExactly("2027-05-03");
        JsonNode read = admin.get("/api/v1/calendars/" + id).json();
        assertThat(strings(read.path("holidays")))
                .containsExactly("2026-10-01", "2027-01-01", "2027-05-01", "2027-05-02");
        assertThat(strings(read.path("workdays"))).containsExactly("2027-05-08");
        assertThat(read.at("/names/2027-05-01").asString()).isEqualTo("劳动节");

        Api.Response csv = csv(admin, id, "date,kind,name\n2027-05-01,holiday,劳动节\n2027-10-09,workday,国庆调休\n");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(dates(csv.json().path("added"))).containsExactly("2027-10-09");
        assertThat(dates(csv.json().path("removed"))).containsExactly("2027-01-01", "2027-05-02", "2027-05-08");

        Api.Response bad = csv(admin, id, "2027-05-01,holiday,x\n2027-02-30,holiday,x\n2027-03-01,vacation,x\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactly("line 2", "line 3");
        Api.Response badJson = admin.send(
                "POST",
                "/api/v1/calendars/" + id + "/holidays/import",
                "{\"2027\": {\"holidays\": {\"元旦\": [\"2028-01-01\"]}, \"workdays\": [\"2027-01-01x\"]}}");
        assertThat(fields(badJson)).containsExactly("2027.holidays.元旦[0]", "2027.workdays[0]");
        assertThat(strings(admin.get("/api/v1/calendars/" + id).json().path("workdays")))
                .containsExactly("2027-10-09");
    }

    @Test
    void calendarsBelongToTheirTenantAndOnlyManagersChangeThem() {
        Api admin = newTenant();
        long id = admin.post("/api/v1/calendars", calendar("私有")).id();
        Api other = newTenant();

        assertThat(other.get("/api/v1/calendars/" + id).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/calendars/" + id + "/deadline?from=2026-11-03T15:00&duration=PT1H")
                        .status())
                .isEqualTo(404);
        assertThat(other.send("POST", "/api/v1/calendars/" + id + "/holidays/import", "{\"2027\": {}}")
                        .status())
                .isEqualTo(404);
        Map<String, Object> edit = calendar("私有");
        edit.put("version", 0);
        assertThat(other.put("/api/v1/calendars/" + id, edit).status()).isEqualTo(404);
        assertThat(other.delete("/api/v1/calendars/" + id + "?version=0").status())
                .isEqualTo(404);

        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        createUser(admin, "agent1", List.of(), List.of(roleIds(admin).get("agent")));
        Api agent = api().login(tenant, "agent1", "Secret-123456");
        assertThat(agent.get("/api/v1/calendars/" + id).status()).isEqualTo(200);
        assertThat(agent.get("/api/v1/calendars/" + id + "/elapsed?from=2026-11-03T15:00&to=2026-11-03T16:00")
                        .json()
                        .path("minutes")
                        .asLong())
                .isEqualTo(60);
        assertThat(agent.post("/api/v1/calendars", calendar("不行")).status()).isEqualTo(403);
    }

    private static Api.Response csv(Api admin, long id, String body) {
        return admin.sendText("POST", "/api/v1/calendars/" + id + "/holidays/import", "text/csv", body);
    }

    private static Map<String, Object> calendar(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("windows", OFFICE);
        return body;
    }

    private static Map<String, Object> withDates(String name, List<String> holidays) {
        Map<String, Object> body = calendar(name);
        body.put("holidays", holidays);
        return body;
    }

    private static JsonNode item(JsonNode page, String name) {
        for (JsonNode n : page.path("items")) {
            if (n.path("name").asString().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no calendar " + name + " in " + page);
    }

    private static long idOf(JsonNode page, String name) {
        return item(page, name).path("id").asLong();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static List<String> dates(JsonNode changes) {
        List<String> out = new ArrayList<>();
        changes.forEach(n -> out.add(n.path("date").asString()));
        return out;
    }

    private static List<String> fields(Api.Response r) {
        List<String> out = new ArrayList<>();
        r.json().path("errors").forEach(e -> out.add(e.path("field").asString()));
        return out;
    }
}
