package dev.baton.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.BatonApplication;
import dev.baton.support.Api;
import dev.baton.support.TestDatabases;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two Baton nodes on one PostgreSQL database take turns fairly: the round-robin cursor is a row both bump in their
 * tickets' transactions, so 300 tickets created on both at once still give each of three agents exactly 100.
 */
class TwoNodeRoundRobinIT extends AssignmentTest {

    @Autowired
    Environment env;

    @Test
    void threeHundredTicketsOnTwoNodesGiveEachOfThreeAgents100() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgres(), "two nodes share a database only on PostgreSQL");
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(BatonApplication.class)
                .run(
                        "--server.port=0",
                        "--baton.demo=true",
                        "--baton.data-dir=target/test-data-node2",
                        "--baton.security.token-secret=" + this.env.getProperty("baton.security.token-secret"),
                        "--logging.level.root=WARN",
                        "--spring.datasource.url=" + this.env.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + this.env.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + this.env.getProperty("spring.datasource.password", ""))) {
            AssignmentDesk desk = desk();
            desk.rule(RoutingRulesIT.rule(
                    "客服轮询", Map.of(), Map.of("kind", "department", "departmentId", desk.serviceDept), "round_robin"));
            Api onSecond =
                    desk.admin.on("http://localhost:" + second.getEnvironment().getProperty("local.server.port"));

            Map<Long, AtomicInteger> perAgent = RoutingRulesIT.create(desk, List.of(desk.admin, onSecond), 300);

            assertThat(perAgent.keySet()).containsExactlyInAnyOrderElementsOf(desk.agents);
            assertThat(perAgent.values()).allSatisfy(n -> assertThat(n).hasValue(100));
        }
    }
}
