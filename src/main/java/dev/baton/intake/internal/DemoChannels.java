package dev.baton.intake.internal;

import static dev.baton.platform.db.Tables.INTAKE_CHANNELS;

import dev.baton.platform.DemoTenantCreated;
import dev.baton.template.TemplateCatalog;
import java.time.Clock;
import java.time.Instant;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo tenant's channels: the repair web form ({@code /f/demo/repair}) and a mini-program complaint form. */
@Component
class DemoChannels {

    private final DSLContext db;
    private final TemplateCatalog templates;
    private final Clock clock;

    DemoChannels(DSLContext db, TemplateCatalog templates, Clock clock) {
        this.db = db;
        this.templates = templates;
        this.clock = clock;
    }

    @EventListener
    @Order(3)
    void seed(DemoTenantCreated event) {
        long tenant = event.tenantId();
        insert(tenant, "repair", "官网报修", "web", "repair", "在线报修", "请描述设备故障，我们会尽快安排工程师联系您。", "#1677ff");
        insert(tenant, "mini-complaint", "小程序投诉", "mini_program", "complaint", "投诉与建议", "您的反馈我们会认真处理。", "#fa541c");
    }

    private void insert(
            long tenant,
            String code,
            String name,
            String kind,
            String templateCode,
            String title,
            String intro,
            String colour) {
        long templateId = this.templates
                .idOf(tenant, templateCode)
                .orElseThrow(() -> new IllegalStateException("demo template " + templateCode + " is missing"));
        Instant now = this.clock.instant();
        this.db
                .insertInto(INTAKE_CHANNELS)
                .set(INTAKE_CHANNELS.TENANT_ID, tenant)
                .set(INTAKE_CHANNELS.CODE, code)
                .set(INTAKE_CHANNELS.NAME, name)
                .set(INTAKE_CHANNELS.KIND, kind)
                .set(INTAKE_CHANNELS.ENABLED, true)
                .set(INTAKE_CHANNELS.TEMPLATE_ID, templateId)
                .set(INTAKE_CHANNELS.TITLE, title)
                .set(INTAKE_CHANNELS.INTRO, intro)
                .set(INTAKE_CHANNELS.ACCENT_COLOR, colour)
                .set(INTAKE_CHANNELS.REQUIRE_PHONE_CODE, false)
                .set(INTAKE_CHANNELS.CAPTCHA, true)
                .set(INTAKE_CHANNELS.CREATED_AT, now)
                .set(INTAKE_CHANNELS.UPDATED_AT, now)
                .set(INTAKE_CHANNELS.VERSION, 0)
                .execute();
    }
}
