package dev.baton.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.support.Api;
import dev.baton.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateApiIT extends IntegrationTest {

    private static final List<Map<String, Object>> REPAIR_FIELDS = List.of(
            Map.of("key", "device_model", "label", "设备型号", "type", "text", "required", true, "searchable", true),
            Map.of("key", "amount", "label", "金额", "type", "money", "min", 0, "max", 100000),
            Map.of(
                    "key", "fault_type",
                    "label", "故障类型",
                    "type", "select",
                    "options",
                            List.of(Map.of("value", "leak", "label", "漏水"), Map.of("value", "noise", "label", "异响"))),
            Map.of("key", "visit_date", "label", "上门日期", "type", "date"),
            Map.of("key", "photos", "label", "照片", "type", "image", "maxFiles", 3),
            Map.of("key", "phone", "label", "电话", "type", "phone"));

    @Test
    void aTemplateRoundTripsWithItsFieldsAndValidatesValues() {
        Api admin = newTenant();

        Api.Response created =
                admin.post("/api/v1/templates", Map.of("name", "维修工单", "code", "repair", "fields", REPAIR_FIELDS));

        assertThat(created.status()).isEqualTo(201);
        long id = created.id();
        Api.Response read = admin.get("/api/v1/templates/" + id);
        assertThat(read.json().path("fields").size()).isEqualTo(6);
        assertThat(read.at("/fields/2/options/1/label").asString()).isEqualTo("异响");
        assertThat(read.at("/statusNames/accepted").asString()).isEqualTo("已受理");
        assertThat(admin.post(
                                "/api/v1/templates/" + id + "/validate",
                                Map.of(
                                        "fields",
                                        Map.of("device_model", "X200", "amount", "1999.90", "fault_type", "leak")))
                        .json()
                        .path("valid")
                        .asBoolean())
                .isTrue();
        Api.Response invalid = admin.post(
                "/api/v1/templates/" + id + "/validate",
                Map.of("fields", Map.of("amount", "-1", "fault_type", "fire", "phone", "abc", "colour", "red")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fieldsOf(invalid)).contains("device_model", "amount", "fault_type", "phone", "colour");
    }

    @Test
    void twoHundredFieldsRoundTripAndAFullPayloadValidates() {
        Api admin = newTenant();
        List<Map<String, Object>> fields = new ArrayList<>();
        Map<String, Object> valid = new HashMap<>();
        Map<String, Object> invalid = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            if (i % 2 == 0) {
                fields.add(Map.of("key", "n" + i, "label", "数字" + i, "type", "number", "required", true, "max", 1000));
                valid.put("n" + i, i);
                invalid.put("n" + i, 5000);
            } else {
                fields.add(
                        Map.of("key", "t" + i, "label", "文本" + i, "type", "text", "required", true, "maxLength", 10));
                valid.put("t" + i, "值" + i);
                invalid.put("t" + i, "x".repeat(11));
            }
        }

        long id = admin.post("/api/v1/templates", Map.of("name", "大模板", "code", "big", "fields", fields))
                .id();

        Api.Response read = admin.get("/api/v1/templates/" + id);
        assertThat(read.json().path("fields").size()).isEqualTo(200);
        assertThat(read.at("/fields/199/key").asString()).isEqualTo("t199");
        assertThat(admin.post("/api/v1/templates/" + id + "/validate", Map.of("fields", valid))
                        .status())
                .isEqualTo(200);
        Api.Response bad = admin.post("/api/v1/templates/" + id + "/validate", Map.of("fields", invalid));
        assertThat(bad.json().path("errors").size()).isEqualTo(200);
    }

    @Test
    void malformedDefinitionsAreAllReportedWithTheirPathAndNothingIsSaved() {
        Api admin = newTenant().english();
        List<Map<String, Object>> fields = List.of(
                Map.of("key", "a", "label", "A", "type", "text"),
                Map.of("key", "a", "label", "A again", "type", "text"),
                Map.of("key", "b", "label", "B", "type", "colour"),
                Map.of("key", "c", "label", "C", "type", "number", "min", 10, "max", 1),
                Map.of("key", "d", "label", "D", "type", "text", "pattern", "[unclosed"),
                Map.of("key", "e", "label", "E", "type", "select"));

        Api.Response r = admin.post("/api/v1/templates", Map.of("name", "坏模板", "code", "bad", "fields", fields));

        assertThat(r.status()).isEqualTo(400);
        assertThat(fieldsOf(r)).containsExactly("fields[2].type");
        // once every type is known, the rule problems are reported together
        List<Map<String, Object>> typed = new ArrayList<>(fields);
        typed.set(2, Map.of("key", "b", "label", "B", "type", "text"));
        Api.Response rules = admin.post("/api/v1/templates", Map.of("name", "坏模板", "code", "bad", "fields", typed));
        assertThat(fieldsOf(rules))
                .contains("fields[1].key", "fields[4].pattern", "fields[5].options")
                .anyMatch(f -> f.startsWith("fields[3]."));
        assertThat(admin.get("/api/v1/templates").json().path("total").asLong()).isZero();
    }

    @Test
    void editingFieldsMakesANewVersionAndKeepsTheOldOneReadable() {
        Api admin = newTenant();
        long id = admin.post("/api/v1/templates", Map.of("name", "维修", "code", "repair", "fields", REPAIR_FIELDS))
                .id();
        List<Map<String, Object>> changed = new ArrayList<>(REPAIR_FIELDS.subList(0, 2));
        changed.add(Map.of(
                "key",
                "urgent",
                "label",
                "加急",
                "type",
                "select",
                "options",
                List.of(Map.of("value", "y", "label", "是"))));

        Api.Response edited =
                admin.put("/api/v1/templates/" + id, Map.of("name", "维修 v2", "fields", changed, "version", 0));

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("currentVersion").asInt()).isEqualTo(2);
        assertThat(admin.get("/api/v1/templates/" + id + "/versions").json().size())
                .isEqualTo(2);
        assertThat(admin.get("/api/v1/templates/" + id + "/versions/1")
                        .json()
                        .path("fields")
                        .size())
                .isEqualTo(6);
        Api.Response stale = admin.put("/api/v1/templates/" + id, Map.of("name", "x", "fields", changed, "version", 0));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("currentVersion").asInt()).isEqualTo(1);
        Api.Response renamedOnly =
                admin.put("/api/v1/templates/" + id, Map.of("name", "维修 v2b", "fields", changed, "version", 1));
        assertThat(renamedOnly.json().path("currentVersion").asInt()).isEqualTo(2);
    }

    @Test
    void aCloneIsIndependentOfItsOriginal() {
        Api admin = newTenant();
        long original = admin.post(
                        "/api/v1/templates",
                        Map.of(
                                "name", "安装",
                                "code", "install",
                                "category", "安装",
                                "statusNames", Map.of("accepted", "师傅已接单"),
                                "fields", REPAIR_FIELDS))
                .id();

        Api.Response copy = admin.post(
                "/api/v1/templates/" + original + "/clone", Map.of("name", "安装（复制）", "code", "install-copy"));
        assertThat(copy.status()).isEqualTo(201);
        assertThat(copy.at("/statusNames/accepted").asString()).isEqualTo("师傅已接单");
        admin.put(
                "/api/v1/templates/" + copy.id(),
                Map.of("name", "安装（复制）", "fields", REPAIR_FIELDS.subList(0, 1), "version", 0));

        assertThat(admin.get("/api/v1/templates/" + original)
                        .json()
                        .path("fields")
                        .size())
                .isEqualTo(6);
        assertThat(admin.get("/api/v1/templates/" + copy.id())
                        .json()
                        .path("fields")
                        .size())
                .isEqualTo(1);
        assertThat(admin.post(
                                "/api/v1/templates/" + original + "/clone",
                                Map.of("name", "again", "code", "install-copy"))
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("code");
    }

    @Test
    void fieldPermissionsHideAndProtectFieldsPerRole() {
        Api admin = newTenant();
        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        List<Map<String, Object>> fields = List.of(
                Map.of("key", "description", "label", "描述", "type", "textarea"),
                Map.of(
                        "key",
                        "cost_price",
                        "label",
                        "成本价",
                        "type",
                        "money",
                        "visibleTo",
                        List.of("admin", "supervisor")),
                Map.of("key", "discount", "label", "折扣", "type", "number", "editableBy", List.of("supervisor")));
        long id = admin.post("/api/v1/templates", Map.of("name", "报价", "code", "quote", "fields", fields))
                .id();
        createUser(admin, "eng", List.of(), List.of(roleIds(admin).get("engineer")));
        Api engineer = api().login(tenant, "eng", "Secret-123456");

        assertThat(engineer.get("/api/v1/templates/" + id).body())
                .doesNotContain("cost_price")
                .contains("discount");
        Api.Response write = engineer.post(
                "/api/v1/templates/" + id + "/validate",
                Map.of("fields", Map.of("description", "ok", "cost_price", 10, "discount", 5)));
        assertThat(write.status()).isEqualTo(403);
        assertThat(fieldsOf(write)).containsExactlyInAnyOrder("cost_price", "discount");
        Api.Response unknownRole = admin.post(
                "/api/v1/templates",
                Map.of(
                        "name",
                        "x",
                        "code",
                        "x1",
                        "fields",
                        List.of(Map.of("key", "k", "label", "K", "type", "text", "visibleTo", List.of("nobody")))));
        assertThat(fieldsOf(unknownRole)).containsExactly("fields[0].visibleTo[0]");
    }

    @Test
    void imageAndFileFieldsTakeOnlyFittingUploadsOfTheTenant() throws Exception {
        Api admin = newTenant();
        long id = admin.post(
                        "/api/v1/templates",
                        Map.of(
                                "name", "附件",
                                "code", "files",
                                "fields",
                                        List.of(
                                                Map.of("key", "photos", "label", "照片", "type", "image"),
                                                Map.of(
                                                        "key",
                                                        "docs",
                                                        "label",
                                                        "文档",
                                                        "type",
                                                        "file",
                                                        "maxFileSize",
                                                        10,
                                                        "allowedContentTypes",
                                                        List.of("application/pdf")))))
                .id();
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        String imageId =
                admin.upload("/api/v1/attachments", "p.png", png.toByteArray()).text("id");
        String textId = admin.upload(
                        "/api/v1/attachments",
                        "notes.txt",
                        "只是文字，不是 PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .text("id");
        String otherTenants = newTenant()
                .upload("/api/v1/attachments", "x.png", png.toByteArray())
                .text("id");

        assertThat(admin.post(
                                "/api/v1/templates/" + id + "/validate",
                                Map.of("fields", Map.of("photos", List.of(imageId))))
                        .status())
                .isEqualTo(200);
        Api.Response r = admin.post(
                "/api/v1/templates/" + id + "/validate",
                Map.of("fields", Map.of("photos", List.of(imageId, textId, otherTenants), "docs", List.of(textId))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(fieldsOf(r)).containsExactlyInAnyOrder("photos[1]", "photos[2]", "docs[0]");
    }

    @Test
    void templatesOfAnotherTenantAreNotFound() {
        Api a = newTenant();
        Api b = newTenant();
        Api.Response created = b.post("/api/v1/templates", Map.of("name", "B", "code", "bb", "fields", REPAIR_FIELDS));
        assertThat(created.status()).isEqualTo(201);
        long bTemplate = created.id();

        assertThat(a.get("/api/v1/templates/" + bTemplate).status()).isEqualTo(404);
        assertThat(a.get("/api/v1/templates/" + bTemplate + "/versions").status())
                .isEqualTo(404);
        assertThat(a.put("/api/v1/templates/" + bTemplate, Map.of("name", "x", "fields", List.of(), "version", 0))
                        .status())
                .isEqualTo(404);
        assertThat(a.post("/api/v1/templates/" + bTemplate + "/clone", Map.of("name", "x", "code", "stolen"))
                        .status())
                .isEqualTo(404);
        assertThat(a.post("/api/v1/templates/" + bTemplate + "/validate", Map.of("fields", Map.of()))
                        .status())
                .isEqualTo(404);
        assertThat(b.get("/api/v1/templates/" + bTemplate).text("name")).isEqualTo("B");
    }

    @Test
    void aDeletedTemplateDisappearsButItsCodeStaysReserved() {
        Api admin = newTenant();
        long id = admin.post("/api/v1/templates", Map.of("name", "旧模板", "code", "old", "fields", REPAIR_FIELDS))
                .id();

        assertThat(admin.delete("/api/v1/templates/" + id).status()).isEqualTo(400);
        assertThat(admin.delete("/api/v1/templates/" + id + "?version=7").status())
                .isEqualTo(409);
        assertThat(admin.delete("/api/v1/templates/" + id + "?version=0").status())
                .isEqualTo(204);

        assertThat(admin.get("/api/v1/templates/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/templates").json().path("total").asLong()).isZero();
        assertThat(admin.post("/api/v1/templates", Map.of("name", "新", "code", "old", "fields", List.of()))
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("code");
        assertThat(admin.get("/api/v1/audit-log?entityType=template").body()).contains("template.delete");
    }

    @Test
    void onlyDesignersChangeTemplates() {
        Api admin = newTenant();
        String tenant = admin.get("/api/v1/auth/me").at("/tenant/code").asString();
        createUser(admin, "agent1", List.of(), List.of(roleIds(admin).get("agent")));

        Api.Response r = api().login(tenant, "agent1", "Secret-123456")
                .post("/api/v1/templates", Map.of("name", "x", "code", "xx", "fields", List.of()));

        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void theDemoTenantHasItsThreeTemplatesWithValidDefinitions() {
        Api demo = api().login("demo", "admin", "baton-demo");

        Api.Response list = demo.get("/api/v1/templates?size=50");

        List<String> names = new ArrayList<>();
        list.json().path("items").forEach(t -> names.add(t.path("name").asString()));
        assertThat(names).contains("安装工单", "维修工单", "投诉工单");
        list.json().path("items").forEach(t -> {
            Api.Response full = demo.get("/api/v1/templates/" + t.path("id").asLong());
            // a stored definition passes the same checks as a new one
            Api.Response again = newTenantLike(demo)
                    .post(
                            "/api/v1/templates",
                            Map.of(
                                    "name",
                                    "copy",
                                    "code",
                                    "copy-" + t.path("code").asString(),
                                    "fields",
                                    full.json().path("fields")));
            assertThat(again.status()).as(again.body()).isEqualTo(201);
        });
    }

    private Api newTenantLike(Api ignored) {
        return newTenant();
    }

    private static List<String> fieldsOf(Api.Response r) {
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }
}
