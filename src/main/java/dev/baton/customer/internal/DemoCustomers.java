package dev.baton.customer.internal;

import dev.baton.customer.DemoCustomersSeeded;
import dev.baton.platform.CurrentUser;
import dev.baton.platform.DemoTenantCreated;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo tenant's customers: households and companies of every level, two of them WeCom external contacts (so the
 * chat sidebar finds a customer in the demo) and one served in a group chat.
 */
@Component
class DemoCustomers {

    private final Customers customers;
    private final ApplicationEventPublisher events;

    DemoCustomers(Customers customers, ApplicationEventPublisher events) {
        this.customers = customers;
        this.events = events;
    }

    @EventListener
    @Order(3)
    void seed(DemoTenantCreated event) {
        CurrentUser admin = new CurrentUser(
                event.tenantId(), "demo", event.adminUserId(), "admin", Set.of(), Set.of(), Set.of(), null);
        // Creating a customer is audited under the acting user; the seed acts as the demo administrator.
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(admin, null, List.of()));
        SecurityContextHolder.setContext(context);
        List<Long> ids = new ArrayList<>();
        try {
            ids.add(add(
                    event,
                    "上海恒远物业管理有限公司",
                    "恒远物业",
                    "vip",
                    "上海",
                    List.of("物业", "年度合同"),
                    "021-62345678",
                    List.of("wmDemoHengyuan01"),
                    List.of("wrDemoHengyuanGroup")));
            ids.add(add(
                    event,
                    "陈晓明",
                    null,
                    "standard",
                    "上海",
                    List.of("家庭用户"),
                    "13912345601",
                    List.of("wmDemoChenXM001"),
                    List.of()));
            ids.add(add(
                    event,
                    "南京宏达酒店",
                    "宏达酒店集团",
                    "vip",
                    "南京",
                    List.of("酒店", "批量安装"),
                    "025-84561234",
                    List.of(),
                    List.of()));
            ids.add(add(event, "刘芳", null, "basic", "杭州", List.of("家庭用户", "老客户"), "13712345602", List.of(), List.of()));
            ids.add(add(
                    event, "苏州明珠幼儿园", null, "standard", "苏州", List.of("教育"), "0512-65871234", List.of(), List.of()));
            ids.add(add(event, "王建国", null, "basic", "上海", List.of(), "13612345603", List.of(), List.of()));
        } finally {
            SecurityContextHolder.clearContext();
        }
        this.events.publishEvent(new DemoCustomersSeeded(event.tenantId(), event.adminUserId(), ids));
    }

    private long add(
            DemoTenantCreated event,
            String name,
            @Nullable String company,
            String level,
            String region,
            List<String> tags,
            String phone,
            List<String> externalIds,
            List<String> groups) {
        return this.customers
                .create(
                        event.tenantId(),
                        new CustomerCommand(
                                name,
                                company,
                                level,
                                region,
                                tags,
                                phone,
                                event.adminUserId(),
                                externalIds,
                                groups,
                                null))
                .id();
    }
}
