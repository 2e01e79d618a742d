package dev.baton.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.flow.ApprovalMode;
import dev.baton.flow.CustomerStatus;
import dev.baton.flow.FlowState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TicketJsonTest {

    private final TicketJson json = new TicketJson(JsonMapper.builder().build());

    private static final Instant AT = Instant.parse("2026-12-03T13:23:55.945930783Z");

    @Test
    void aFlowStateIsStoredWithoutItsEmptyPartsAndReadsBackTheSame() {
        FlowState state = new FlowState(
                FlowState.Status.RUNNING,
                List.of(
                        FlowState.Token.task("handle"),
                        new FlowState.Token(
                                "approve",
                                FlowState.TokenStatus.IN_PROGRESS,
                                ApprovalMode.ALL,
                                List.of(FlowState.Decision.APPROVED, FlowState.Decision.PENDING))),
                Map.of(),
                Map.of(),
                facts(),
                null);

        String stored = this.json.write(state);

        assertThat(stored)
                .isEqualTo("{\"status\":\"RUNNING\",\"tokens\":[{\"nodeId\":\"handle\",\"status\":\"WAITING\"},"
                        + "{\"nodeId\":\"approve\",\"status\":\"IN_PROGRESS\",\"mode\":\"ALL\",\"decisions\":[\"APPROVED\","
                        + "\"PENDING\"]}],\"facts\":{\"ticket.priority\":\"urgent\",\"customer.tags\":[]}}");
        assertThat(this.json.state(stored)).isEqualTo(state);
    }

    private static Map<String, @Nullable Object> facts() {
        Map<String, @Nullable Object> facts = new LinkedHashMap<>();
        facts.put("ticket.priority", "urgent");
        facts.put("customer.tags", List.of());
        return facts;
    }

    @Test
    void aFlowStateWrittenInFullStillReads() {
        String before = "{\"status\":\"COMPLETED\",\"tokens\":[],\"joins\":{\"split\":1},\"fields\":{},"
                + "\"facts\":{\"customer.level\":\"standard\"},\"customerStatus\":\"AWAITING_CONFIRMATION\"}";

        assertThat(this.json.state(before))
                .isEqualTo(new FlowState(
                        FlowState.Status.COMPLETED,
                        List.of(),
                        Map.of("split", 1),
                        Map.of(),
                        Map.of("customer.level", "standard"),
                        CustomerStatus.AWAITING_CONFIRMATION));
    }

    @Test
    void taskRowsLeaveOutWhomTheyDoNotNameAndReadBackTheSame() {
        List<TaskRow> tasks = List.of(
                new TaskRow("triage", 0, TaskRow.TASK, null, "agent", null, AT),
                new TaskRow("pool", 0, TaskRow.TASK, null, null, null, AT),
                new TaskRow("triage", 100, TaskRow.CO, 7L, null, null, AT));

        String stored = this.json.write(tasks);

        assertThat(stored).doesNotContain("null").contains("\"slot\":0");
        assertThat(this.json.tasks(stored)).isEqualTo(tasks);
        assertThat(
                        this.json.tasks(
                                "[{\"nodeId\":\"triage\",\"slot\":0,\"kind\":\"task\",\"userId\":null,"
                                        + "\"roleCode\":\"agent\",\"departmentId\":null,\"createdAt\":\"2026-12-03T13:23:55.945930783Z\"}]"))
                .containsExactly(tasks.getFirst());
    }

    @Test
    void fieldValuesKeepTheirNullsAndEmptyValues() {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("model", null);
        fields.put("parts", new ArrayList<>(java.util.Arrays.asList("A", null)));
        fields.put("region", Map.of());
        fields.put("tags", List.of());
        fields.put("amount", 9000);

        Map<String, @Nullable Object> stored = this.json.fields(this.json.write(fields));

        assertThat(stored).containsOnlyKeys("model", "parts", "region", "tags", "amount");
        assertThat(stored.get("model")).isNull();
        assertThat(stored.get("parts")).isEqualTo(java.util.Arrays.asList("A", null));
        assertThat(stored.get("region")).isEqualTo(Map.of());
        assertThat(stored.get("tags")).isEqualTo(List.of());
        assertThat(stored.get("amount")).isEqualTo(9000L);
    }
}
