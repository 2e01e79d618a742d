package dev.baton.flow.internal;

import dev.baton.flow.AssigneeResolver;
import dev.baton.platform.OrgDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes the flow's one assignee resolver a bean, for ticket tasks and the sandbox alike. */
@Configuration(proxyBeanMethods = false)
class AssigneeConfig {

    @Bean
    AssigneeResolver assigneeResolver(OrgDirectory org) {
        return new AssigneeResolver(org);
    }
}
