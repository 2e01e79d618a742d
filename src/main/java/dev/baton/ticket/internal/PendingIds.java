package dev.baton.ticket.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Event ids the relay's cursor has passed without seeing them, each with the (wall-clock) time it was first
 * missed. An id is missing when its transaction had drawn it but not yet committed as the relay read past it,
 * or when that transaction rolled back; the first kind appears a moment later and is delivered then, the second
 * never does and is forgotten once it is older than any transaction could be. Stored as
 * {@code id:epochMillis,…}.
 */
record PendingIds(Map<Long, Long> since) {

    /** Beyond this many, the oldest are given up (a burst of rollbacks, not transactions still in flight). */
    static final int MAX = 10_000;

    static final PendingIds NONE = new PendingIds(Map.of());

    PendingIds {
        since = Map.copyOf(since);
    }

    static PendingIds parse(String stored) {
        Map<Long, Long> since = new LinkedHashMap<>();
        for (String entry : stored.split(",")) {
            int colon = entry.indexOf(':');
            if (colon > 0) {
                since.put(Long.parseLong(entry.substring(0, colon)), Long.parseLong(entry.substring(colon + 1)));
            }
        }
        return new PendingIds(since);
    }

    String format() {
        StringBuilder out = new StringBuilder();
        this.since.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(e.getKey()).append(':').append(e.getValue());
        });
        return out.toString();
    }

    boolean isEmpty() {
        return this.since.isEmpty();
    }

    Set<Long> ids() {
        return this.since.keySet();
    }

    /**
     * The ids still missing after a round that found {@code found} among them, read the ids {@code read} (in
     * order) after the cursor {@code last}, at {@code now}; ids first missed before {@code giveUpBefore} are
     * dropped.
     */
    PendingIds next(Set<Long> found, long last, List<Long> read, long now, long giveUpBefore) {
        Map<Long, Long> next = new LinkedHashMap<>();
        this.since.forEach((id, at) -> {
            if (!found.contains(id) && at >= giveUpBefore) {
                next.put(id, at);
            }
        });
        long expected = last + 1;
        for (long id : read) {
            for (long missing = expected; missing < id && next.size() < MAX + 1_000; missing++) {
                next.put(missing, now);
            }
            expected = id + 1;
        }
        if (next.size() > MAX) {
            next.entrySet().stream()
                    .sorted(Map.Entry.<Long, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .limit(next.size() - MAX)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(next::remove);
        }
        return new PendingIds(next);
    }
}
