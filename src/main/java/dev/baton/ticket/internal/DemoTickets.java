package dev.baton.ticket.internal;

import dev.baton.customer.DemoCustomersSeeded;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.PrincipalDirectory;
import dev.baton.template.TemplateCatalog;
import dev.baton.ticket.NewTicket;
import dev.baton.ticket.TicketOperations;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A handful of open tickets in the demo tenant, one per entry channel and template, so the workspace, the pool and
 * the customer pages have something to show on a fresh start. They are new: routing picks their handlers as it would
 * for any ticket.
 */
@Component
class DemoTickets {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final TicketOperations tickets;
    private final TemplateCatalog templates;
    private final PrincipalDirectory principals;
    private final Clock clock;

    DemoTickets(TicketOperations tickets, TemplateCatalog templates, PrincipalDirectory principals, Clock clock) {
        this.tickets = tickets;
        this.templates = templates;
        this.principals = principals;
        this.clock = clock;
    }

    @EventListener
    void seed(DemoCustomersSeeded event) {
        CurrentUser admin = this.principals
                .findUser(event.tenantId(), event.adminUserId())
                .orElseThrow(() -> new IllegalStateException("the demo administrator is missing"));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(admin, null, List.of()));
        SecurityContextHolder.setContext(context);
        List<Long> c = event.customerIds();
        String nextWeek =
                LocalDate.now(this.clock.withZone(SHANGHAI)).plusDays(7).toString();
        try {
            open(
                    admin,
                    "repair",
                    "写字楼中央空调漏水",
                    c.get(0),
                    "wecom_group",
                    "high",
                    null,
                    Map.of(
                            "contact_phone", "021-62345678",
                            "region", region("上海市", "徐汇区"),
                            "device_model", "MDV-D280W",
                            "fault_type", "leak",
                            "fault_description", "12 楼机房空调外机持续漏水，地面已积水，需尽快上门。",
                            "under_warranty", "no",
                            "amount", 6800));
            open(
                    admin,
                    "complaint",
                    "维修师傅上门迟到两小时",
                    c.get(1),
                    "wecom_sidebar",
                    "urgent",
                    "客户：说好上午十点，师傅十二点才到。\n客服：非常抱歉，我们马上为您登记投诉。",
                    Map.of(
                            "contact_phone", "13912345601",
                            "complaint_type", "late",
                            "description", "约定上午 10 点上门，实际 12 点才到，且未提前通知。"));
            open(
                    admin,
                    "install",
                    "酒店客房热水器批量安装",
                    c.get(2),
                    "web",
                    "normal",
                    null,
                    Map.of(
                            "contact_phone", "025-84561234",
                            "region", region("江苏省", "南京市"),
                            "address", "鼓楼区中山北路 88 号宏达酒店",
                            "product", "heater",
                            "install_date", nextWeek,
                            "time_slot", "am"));
            open(
                    admin,
                    "repair",
                    "净水器无法开机",
                    c.get(3),
                    "mini_program",
                    "normal",
                    null,
                    Map.of(
                            "contact_phone", "13712345602",
                            "region", region("浙江省", "杭州市"),
                            "device_model", "RO-400",
                            "fault_type", "no_power",
                            "fault_description", "插上电源后指示灯不亮，按键无反应。",
                            "under_warranty", "yes"));
            open(
                    admin,
                    "install",
                    "幼儿园教室空调安装",
                    c.get(4),
                    "official_account",
                    "low",
                    null,
                    Map.of(
                            "contact_phone", "0512-65871234",
                            "region", region("江苏省", "苏州市"),
                            "address", "姑苏区平江路 12 号",
                            "product", "ac",
                            "install_date", nextWeek));
            open(
                    admin,
                    "complaint",
                    "维修收费与报价不符",
                    c.get(5),
                    "api",
                    "normal",
                    null,
                    Map.of(
                            "contact_phone", "13612345603",
                            "complaint_type", "charge",
                            "description", "报价 200 元，结账时收了 350 元。"));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void open(
            CurrentUser admin,
            String templateCode,
            String title,
            long customerId,
            String source,
            String priority,
            @Nullable String chatExcerpt,
            Map<String, Object> fields) {
        long templateId = this.templates
                .idOf(admin.tenantId(), templateCode)
                .orElseThrow(() -> new IllegalStateException("demo template " + templateCode + " is missing"));
        Map<String, @Nullable Object> values = new LinkedHashMap<>(fields);
        values.put("customer", customerId);
        this.tickets.create(
                admin,
                new NewTicket(templateId, title, null, values, customerId, source, priority, chatExcerpt, null),
                "demo-" + templateCode + "-" + customerId);
    }

    private static Map<String, String> region(String province, String city) {
        return Map.of("province", province, "city", city);
    }
}
