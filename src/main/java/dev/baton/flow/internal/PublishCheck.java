package dev.baton.flow.internal;

import dev.baton.flow.FlowGraph;
import dev.baton.flow.FlowMoves;
import dev.baton.flow.InFlightTickets.Position;
import dev.baton.platform.FieldError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What publishing a new version checks about running tickets, which move onto it as they leave their
 * nodes: that the mapping is sound, and that every running position has a place. Pure, for unit tests.
 */
final class PublishCheck {

    private PublishCheck() {}

    /**
     * Problems with the mapping, each at {@code mapping.<oldNodeId>}. A key may only name a node the new
     * version does not have as a start, task or approval — a position at a node it keeps stays there, and
     * mapping it anyway would make the ticket's behaviour hard to predict — and each value must be a start,
     * task or approval of the new version.
     */
    static List<FieldError> mappingErrors(FlowGraph next, Map<String, @Nullable String> mapping) {
        List<FieldError> errors = new ArrayList<>();
        new TreeMap<>(mapping).forEach((from, to) -> {
            String field = "mapping." + from;
            if (FlowMoves.waitsAt(next, from)) {
                errors.add(new FieldError(field, "{flow.mapping.node-kept}"));
            } else if (to == null || !next.nodes().containsKey(to)) {
                errors.add(new FieldError(field, "{flow.mapping.target-missing}"));
            } else if (!FlowMoves.waitsAt(next, to)) {
                errors.add(new FieldError(field, "{flow.mapping.target-type}"));
            }
        });
        return errors;
    }

    /**
     * The positions that would have no place on {@code next}, by node id in id order, each list in ticket
     * number order; empty when publishing may go ahead.
     */
    static Map<String, List<Position>> stranded(FlowGraph next, Map<String, String> mapping, List<Position> positions) {
        Map<String, List<Position>> stranded = new TreeMap<>();
        positions.stream()
                .filter(p -> FlowMoves.destination(p.nodeId(), next, mapping).isEmpty())
                .sorted(Comparator.comparing(Position::ticketNumber).thenComparing(Position::ticketId))
                .forEach(p -> stranded.computeIfAbsent(p.nodeId(), n -> new ArrayList<>())
                        .add(p));
        return stranded;
    }
}
