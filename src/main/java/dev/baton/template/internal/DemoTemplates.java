package dev.baton.template.internal;

import static dev.baton.template.FieldType.CHAT_EXCERPT;
import static dev.baton.template.FieldType.CUSTOMER;
import static dev.baton.template.FieldType.DATE;
import static dev.baton.template.FieldType.FILE;
import static dev.baton.template.FieldType.IMAGE;
import static dev.baton.template.FieldType.MONEY;
import static dev.baton.template.FieldType.NUMBER;
import static dev.baton.template.FieldType.PHONE;
import static dev.baton.template.FieldType.RATING;
import static dev.baton.template.FieldType.REGION;
import static dev.baton.template.FieldType.SELECT;
import static dev.baton.template.FieldType.TEXT;
import static dev.baton.template.FieldType.TEXTAREA;

import dev.baton.platform.CurrentUser;
import dev.baton.platform.DemoTenantCreated;
import dev.baton.template.FieldDefinition;
import dev.baton.template.FieldOption;
import dev.baton.template.FieldType;
import dev.baton.template.VisibleWhen;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The demo tenant's templates: installation, repair and complaint, as an after-sales company uses them. */
@Component
class DemoTemplates {

    private final Templates templates;

    DemoTemplates(Templates templates) {
        this.templates = templates;
    }

    /** First of the demo seeders: flows and tickets build on these templates. */
    @EventListener
    @org.springframework.core.annotation.Order(1)
    void seed(DemoTenantCreated event) {
        CurrentUser admin = new CurrentUser(
                event.tenantId(), "demo", event.adminUserId(), "admin", Set.of(), Set.of(), Set.of(), null);
        create(admin, "install", "安装工单", "安装", "tool", installation());
        create(admin, "repair", "维修工单", "维修", "wrench", repair());
        create(admin, "complaint", "投诉工单", "投诉", "warning", complaint());
    }

    private void create(
            CurrentUser admin, String code, String name, String category, String icon, List<FieldDefinition> fields) {
        var data = new TemplateData(code, name, category, name + "（演示）", icon, true, CustomerSteps.DEFAULTS);
        this.templates.insert(admin, data, fields.stream().map(FieldJson::of).toList());
    }

    private static List<FieldDefinition> installation() {
        return List.of(
                field("customer", "客户", CUSTOMER).required(true).build(),
                field("contact_phone", "联系电话", PHONE)
                        .labelEn("Contact phone")
                        .required(true)
                        .build(),
                field("region", "所在地区", REGION).required(true).searchable(true).build(),
                field("address", "详细地址", TEXT).required(true).length(null, 200).build(),
                field("product", "安装产品", SELECT)
                        .required(true)
                        .searchable(true)
                        .options(options("ac:空调 KFR-35GW", "heater:热水器 JSQ-16", "purifier:净水器 RO-400"))
                        .build(),
                field("install_date", "预约日期", DATE)
                        .labelEn("Appointment date")
                        .required(true)
                        .build(),
                field("time_slot", "预约时段", SELECT)
                        .options(options("am:上午 9-12 点", "pm:下午 14-18 点", "eve:晚上 18-20 点"))
                        .build(),
                field("site_photos", "现场照片", IMAGE).files(9, null, List.of()).build(),
                field("remarks", "备注", TEXTAREA).length(null, 1000).build(),
                field("chat", "聊天记录", CHAT_EXCERPT).build());
    }

    private static List<FieldDefinition> repair() {
        return List.of(
                field("customer", "客户", CUSTOMER).required(true).build(),
                field("contact_phone", "联系电话", PHONE).required(true).build(),
                field("region", "所在地区", REGION).required(true).searchable(true).build(),
                field("device_model", "设备型号", TEXT)
                        .labelEn("Device model")
                        .required(true)
                        .searchable(true)
                        .length(null, 64)
                        .build(),
                field("serial_no", "序列号", TEXT)
                        .pattern("[A-Z0-9-]{6,32}", "序列号为 6-32 位大写字母、数字或短横线")
                        .build(),
                field("fault_type", "故障类型", SELECT)
                        .required(true)
                        .searchable(true)
                        .options(options("no_cooling:不制冷", "leak:漏水", "noise:异响", "no_power:无法开机", "other:其他"))
                        .build(),
                field("fault_description", "故障描述", TEXTAREA)
                        .labelEn("Fault description")
                        .required(true)
                        .length(10, null)
                        .build(),
                field("fault_photos", "故障照片", IMAGE).files(9, null, List.of()).build(),
                field("under_warranty", "是否在保", SELECT)
                        .options(options("yes:在保", "no:过保"))
                        .build(),
                field("amount", "维修金额", MONEY)
                        .labelEn("Amount")
                        .range(BigDecimal.ZERO, new BigDecimal("100000"))
                        .searchable(true)
                        .visibleWhen(new VisibleWhen("under_warranty", List.of("no")))
                        .build(),
                // cost price is for the office, not for the engineer at the customer's door
                field("cost_price", "成本价", MONEY)
                        .range(BigDecimal.ZERO, null)
                        .visibleTo(List.of("admin", "supervisor"))
                        .build(),
                field("discount", "折扣（%）", NUMBER)
                        .range(BigDecimal.ZERO, new BigDecimal("100"))
                        .scale(0)
                        .editableBy(List.of("admin", "supervisor"))
                        .build(),
                field("chat", "聊天记录", CHAT_EXCERPT).build());
    }

    private static List<FieldDefinition> complaint() {
        return List.of(
                field("customer", "客户", CUSTOMER).required(true).build(),
                field("contact_phone", "联系电话", PHONE).required(true).build(),
                field("complaint_type", "投诉类型", SELECT)
                        .required(true)
                        .searchable(true)
                        .options(options("attitude:服务态度", "late:上门超时", "charge:收费争议", "quality:质量问题"))
                        .build(),
                field("related_ticket", "关联工单号", TEXT).length(null, 32).build(),
                field("description", "投诉内容", TEXTAREA)
                        .required(true)
                        .length(5, null)
                        .build(),
                field("mood", "客户情绪", RATING).helpText("1 = 非常不满，5 = 基本平和").build(),
                field("evidence", "证据材料", FILE).files(5, null, List.of()).build(),
                field("expectation", "客户诉求", TEXTAREA).length(null, 1000).build(),
                field("chat", "聊天记录", CHAT_EXCERPT).build());
    }

    private static dev.baton.template.FieldDefinitionBuilder field(String key, String label, FieldType type) {
        return FieldDefinition.builder(key, label, type);
    }

    /** "value:label" pairs. */
    private static List<FieldOption> options(String... pairs) {
        return Arrays.stream(pairs)
                .map(p -> p.split(":", 2))
                .map(p -> FieldOption.of(p[0], p[1]))
                .toList();
    }
}
