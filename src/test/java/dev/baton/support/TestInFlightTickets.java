package dev.baton.support;

import dev.baton.flow.InFlightTickets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Running tickets a test places on its own flow, so publishing can be refused before the ticket module
 * reports real ones. Registered in the shared test context next to the ticket module's own implementation;
 * publishing asks both. Empty unless a test places positions, and keyed by tenant and flow, so tests cannot
 * see each other's.
 */
public class TestInFlightTickets implements InFlightTickets {

    private record Key(long tenantId, long flowId) {}

    private final Map<Key, List<Position>> placed = new ConcurrentHashMap<>();

    /** From now on, the flow has these running positions (replacing any placed before). */
    public void place(long tenantId, long flowId, List<Position> positions) {
        this.placed.put(new Key(tenantId, flowId), List.copyOf(positions));
    }

    @Override
    public List<Position> positions(long tenantId, long flowId, int belowVersion) {
        return this.placed.getOrDefault(new Key(tenantId, flowId), List.of()).stream()
                .filter(p -> p.flowVersion() < belowVersion)
                .toList();
    }
}
