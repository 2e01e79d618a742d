package dev.baton.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PendingIdsTest {

    @Test
    void idsTheCursorSkipsAreAwaitedUntilTheyAppear() {
        // read 11, 12, 15 after cursor 10: 13 and 14 are in flight (or rolled back)
        PendingIds pending = PendingIds.NONE.next(Set.of(), 10, List.of(11L, 12L, 15L), 1_000, 0);
        assertThat(pending.ids()).containsExactlyInAnyOrder(13L, 14L);

        // 14 committed meanwhile and was found; 13 is still awaited, with the time it was first missed
        PendingIds later = pending.next(Set.of(14L), 15, List.of(16L), 2_000, 0);
        assertThat(later.since()).isEqualTo(Map.of(13L, 1_000L));
    }

    @Test
    void anIdMissingLongerThanAnyTransactionRunsIsGivenUp() {
        PendingIds pending = PendingIds.NONE.next(Set.of(), 0, List.of(2L), 1_000, 0);
        assertThat(pending.next(Set.of(), 2, List.of(), 9_000, 999).ids()).containsExactly(1L);
        assertThat(pending.next(Set.of(), 2, List.of(), 9_000, 1_001).isEmpty()).isTrue();
    }

    @Test
    void survivesItsStoredForm() {
        PendingIds pending = PendingIds.NONE.next(Set.of(), 0, List.of(3L, 7L), 42, 0);
        assertThat(pending.format()).isEqualTo("1:42,2:42,4:42,5:42,6:42");
        assertThat(PendingIds.parse(pending.format())).isEqualTo(pending);
        assertThat(PendingIds.parse("")).isEqualTo(PendingIds.NONE);
    }

    @Test
    void aHugeJumpOfIdsIsBoundedKeepingTheNewest() {
        PendingIds first = PendingIds.NONE.next(Set.of(), 0, List.of(2L), 1, 0);
        PendingIds pending = first.next(Set.of(), 2, List.of(5_000_000L), 2, 0);
        assertThat(pending.ids()).hasSize(PendingIds.MAX).doesNotContain(1L);
    }
}
