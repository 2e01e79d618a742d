package dev.baton.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BusinessCalendarPropertyTest {

    private final BusinessCalendar calendar = Calendars2026.standard();

    @Property(tries = 300)
    void theTimeUntilADeadlineIsItsDuration(
            @ForAll("instants2026") Instant anyMoment, @ForAll @LongRange(min = 0, max = 60 * 24 * 40) long minutes) {
        Instant from = this.calendar.nextWorkingMoment(anyMoment);
        Instant due = this.calendar.deadline(from, BusinessDuration.ofMinutes(minutes));
        assertThat(this.calendar.elapsed(from, due)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Property(tries = 300)
    void aLongerDurationNeverEndsEarlier(
            @ForAll("instants2026") Instant from,
            @ForAll @LongRange(min = 0, max = 20_000) long minutes,
            @ForAll @LongRange(min = 0, max = 5_000) long more,
            @ForAll @IntRange(min = 0, max = 30) int days,
            @ForAll @IntRange(min = 0, max = 5) int moreDays) {
        assertThat(this.calendar.deadline(from, BusinessDuration.ofMinutes(minutes + more)))
                .isAfterOrEqualTo(this.calendar.deadline(from, BusinessDuration.ofMinutes(minutes)));
        assertThat(this.calendar.deadline(from, BusinessDuration.ofDays(days + moreDays)))
                .isAfterOrEqualTo(this.calendar.deadline(from, BusinessDuration.ofDays(days)));
    }

    @Property(tries = 300)
    void elapsedTimeAddsUpOverAnySplitPoint(
            @ForAll("instants2026") Instant a, @ForAll("instants2026") Instant b, @ForAll("instants2026") Instant c) {
        Instant[] sorted = java.util.stream.Stream.of(a, b, c).sorted().toArray(Instant[]::new);
        assertThat(this.calendar.elapsed(sorted[0], sorted[1]).plus(this.calendar.elapsed(sorted[1], sorted[2])))
                .isEqualTo(this.calendar.elapsed(sorted[0], sorted[2]));
    }

    @Provide
    Arbitrary<Instant> instants2026() {
        Instant start = LocalDateTime.parse("2026-01-01T00:00")
                .atZone(Calendars2026.SHANGHAI)
                .toInstant();
        return Arbitraries.longs().between(0, 365L * 24 * 60).map(m -> start.plusSeconds(m * 60));
    }
}
