package dev.baton.flow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.flow.FlowCompiler;
import dev.baton.flow.FlowDefinitions;
import dev.baton.flow.FlowGraph;
import dev.baton.flow.InFlightTickets.Position;
import dev.baton.platform.FieldError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PublishCheckTest {

    /** start → task {@code inspect} → condition {@code route} (approval {@code approve} or nothing). */
    private static final FlowGraph NEXT = graph("""
            {"id": "start", "type": "start", "next":
              {"id": "inspect", "type": "task", "name": "i", "assignee": {"strategy": "creator"}, "next":
                {"id": "route", "type": "condition", "branches": [
                  {"name": "big", "when": "true", "next": {"id": "approve", "type": "approval", "name": "a",
                    "mode": "any", "approvers": [{"strategy": "creator"}], "onReject": {"action": "end"}}},
                  {"name": "other", "default": true}]}}}
            """);

    private static FlowGraph graph(String json) {
        FlowDefinitions.Result parsed =
                FlowDefinitions.parse(JsonMapper.builder().build().readTree(json), List.of());
        assertThat(parsed.errors()).isEmpty();
        return FlowCompiler.compile(Objects.requireNonNull(parsed.root()));
    }

    @Test
    void aMappingMayOnlyPlaceNodesTheNewVersionLacksOnNodesWhereTicketsWait() {
        Map<String, @Nullable String> mapping = new HashMap<>();
        mapping.put("check", "inspect");
        mapping.put("approve", "start");
        mapping.put("gone", "nowhere");
        mapping.put("lost", null);
        mapping.put("old", "route");
        mapping.put("route", "inspect");

        assertThat(PublishCheck.mappingErrors(NEXT, mapping))
                .containsExactly(
                        new FieldError("mapping.approve", "{flow.mapping.node-kept}"),
                        new FieldError("mapping.gone", "{flow.mapping.target-missing}"),
                        new FieldError("mapping.lost", "{flow.mapping.target-missing}"),
                        new FieldError("mapping.old", "{flow.mapping.target-type}"));
    }

    @Test
    void positionsWithoutAPlaceAreListedByNodeAndTicketNumber() {
        List<Position> positions = List.of(
                new Position(7, "GD-0007", 1, "check"),
                new Position(8, "GD-0008", 2, "inspect"),
                new Position(2, "GD-0002", 1, "check"),
                new Position(3, "GD-0003", 1, "route"),
                new Position(4, "GD-0004", 2, "review"));

        Map<String, List<Position>> unmapped = PublishCheck.stranded(NEXT, Map.of(), positions);
        Map<String, List<Position>> mapped = PublishCheck.stranded(NEXT, Map.of("check", "inspect"), positions);

        assertThat(unmapped.keySet()).containsExactly("check", "review", "route");
        assertThat(unmapped.get("check")).extracting(Position::ticketNumber).containsExactly("GD-0002", "GD-0007");
        assertThat(mapped.keySet()).containsExactly("review", "route");
        assertThat(PublishCheck.stranded(
                        NEXT, Map.of("review", "approve", "route", "start", "check", "start"), positions))
                .isEmpty();
    }
}
