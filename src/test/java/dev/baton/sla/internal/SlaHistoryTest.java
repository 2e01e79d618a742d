package dev.baton.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ticket.TicketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a ticket's logged history reads as SLA facts. */
class SlaHistoryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    private static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    private static TicketEvent.TicketCreated created() {
        return new TicketEvent.TicketCreated(1, 7, 0, at(0), "GD20261201-0001", 3, "web", "normal", null, 42L);
    }

    private static List<SlaFact.Kind> kinds(SlaHistory h) {
        return h.facts().stream().map(SlaFact::kind).toList();
    }

    @Test
    void theStartNodeCompletingAtCreationIsNoResponseButMovingTheTicketOnLaterIs() {
        SlaHistory h = SlaHistory.of(
                List.of(
                        created(),
                        new TicketEvent.NodeCompleted(1, 7, 0, at(0), "start"),
                        new TicketEvent.NodeEntered(1, 7, 0, at(0), "triage", "task", ""),
                        new TicketEvent.NodeCompleted(1, 7, 2, at(30), "triage")),
                e -> "PT9H");
        assertThat(kinds(h))
                .containsExactly(
                        SlaFact.Kind.CREATED,
                        SlaFact.Kind.NODE_COMPLETED,
                        SlaFact.Kind.NODE_ENTERED,
                        SlaFact.Kind.NODE_COMPLETED,
                        SlaFact.Kind.RESPONSE);
        assertThat(h.facts().get(4).at()).isEqualTo(at(30));
        assertThat(h.lastVersion()).isEqualTo(2);
        assertThat(h.facts().get(2).target())
                .as("\"\": the node has no SLA of its own")
                .isNull();
    }

    @Test
    void aNodeEnteredBeforeEventsCarriedItsSlaIsLookedUpAndOneThatCarriesItIsNot() {
        List<String> looked = new ArrayList<>();
        SlaHistory h = SlaHistory.of(
                List.of(
                        created(),
                        new TicketEvent.NodeEntered(1, 7, 0, at(0), "old", "task", null),
                        new TicketEvent.NodeEntered(1, 7, 1, at(5), "new", "task", "PT4H")),
                e -> {
                    looked.add(e.nodeId());
                    return "PT2H";
                });
        assertThat(looked).containsExactly("old");
        assertThat(h.facts()).extracting(SlaFact::target).containsExactly(null, "PT2H", "PT4H");
    }

    @Test
    void closingSetsTheCloseAndReopeningClearsIt() {
        List<TicketEvent> events = new ArrayList<>(List.of(
                created(),
                new TicketEvent.TicketStatusChanged(1, 7, 1, at(10), "open", "in_progress"),
                new TicketEvent.TicketStatusChanged(1, 7, 2, at(20), "in_progress", "resolved"),
                new TicketEvent.TicketClosed(1, 7, 2, at(20), "resolved")));
        SlaHistory closed = SlaHistory.of(events, e -> null);
        assertThat(closed.closedAt()).isEqualTo(at(20));
        assertThat(kinds(closed)).contains(SlaFact.Kind.RESPONSE, SlaFact.Kind.CLOSED);

        events.add(new TicketEvent.TicketStatusChanged(1, 7, 3, at(40), "resolved", "in_progress"));
        assertThat(SlaHistory.of(events, e -> null).closedAt()).isNull();
    }

    @Test
    void aCommentIsAResponseUnlessTheCreatorWroteIt() {
        SlaHistory h = SlaHistory.of(
                List.of(
                        created(),
                        new TicketEvent.CommentAdded(1, 7, 1, at(3), 42L, true, Set.of()),
                        new TicketEvent.CommentAdded(1, 7, 2, at(8), 43L, false, Set.of())),
                e -> null);
        assertThat(h.facts())
                .filteredOn(f -> f.kind() == SlaFact.Kind.RESPONSE)
                .extracting(SlaFact::at)
                .containsExactly(at(8));
        assertThat(h.subject().templateId()).isEqualTo(3);
    }
}
