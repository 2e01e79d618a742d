package dev.baton.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** WeCom's 30 a minute and 1,000 an hour per recipient, on a fixed clock. */
class RateLimitTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    /** Sends kept oldest first, as the delivery table's counted_at column. */
    private static final class Sends implements RateLimit.SendLog {
        final List<Instant> at = new ArrayList<>();

        @Override
        public int countAfter(Instant from) {
            return (int) this.at.stream().filter(t -> t.isAfter(from)).count();
        }

        @Override
        public Instant latest(int n) {
            return this.at.get(this.at.size() - n);
        }

        /** Sends one message as soon as the limit allows, not before {@code now}; returns when it went. */
        Instant sendAtOrAfter(Instant now) {
            Instant when = RateLimit.WECOM.busyUntil(now, this).orElse(now);
            assertThat(RateLimit.WECOM.busyUntil(when, this)).isEmpty();
            this.at.add(when);
            return when;
        }
    }

    @Test
    void theThirtyFirstMessageOfAMinuteWaitsUntilTheFirstHasLeftTheWindow() {
        Sends sends = new Sends();
        Instant start = CLOCK.instant();
        for (int i = 0; i < 30; i++) {
            assertThat(sends.sendAtOrAfter(start.plusSeconds(i))).isEqualTo(start.plusSeconds(i));
        }
        assertThat(RateLimit.WECOM.busyUntil(start.plusSeconds(30), sends)).contains(start.plusSeconds(60));
        assertThat(RateLimit.WECOM.busyUntil(start.plusSeconds(60), sends)).isEmpty();
    }

    @Test
    void theThousandAndFirstMessageOfAnHourWaitsForTheHourEvenWhenTheMinuteHasRoom() {
        Sends sends = new Sends();
        Instant start = CLOCK.instant();
        Instant now = start;
        for (int i = 0; i < 1000; i++) {
            now = sends.sendAtOrAfter(now);
        }
        // 33 full minutes of 30 and 10 in the 34th
        assertThat(now).isEqualTo(start.plus(Duration.ofMinutes(33)));
        Instant later = start.plus(Duration.ofMinutes(40));
        assertThat(sends.countAfter(later.minus(Duration.ofMinutes(1)))).isZero();
        assertThat(RateLimit.WECOM.busyUntil(later, sends)).contains(start.plus(Duration.ofHours(1)));
        Instant hourLater = start.plus(Duration.ofHours(1));
        assertThat(sends.sendAtOrAfter(later)).isEqualTo(hourLater);
        // the first minute's 30 have left the hour: 29 more go at once, the next when the second minute's leave
        for (int i = 0; i < 29; i++) {
            assertThat(sends.sendAtOrAfter(hourLater)).isEqualTo(hourLater);
        }
        assertThat(RateLimit.WECOM.busyUntil(hourLater, sends)).contains(hourLater.plus(Duration.ofMinutes(1)));
    }

    @Property(tries = 50)
    void noSpanOfAMinuteOrAnHourEverHoldsMoreThanTheLimit(
            @ForAll @Size(min = 1, max = 1500) List<@IntRange(min = 0, max = 20) Integer> gapsInSeconds) {
        Sends sends = new Sends();
        Instant arrival = CLOCK.instant();
        for (int gap : gapsInSeconds) {
            arrival = arrival.plusSeconds(gap);
            Instant sent = sends.sendAtOrAfter(arrival);
            assertThat(sent).isAfterOrEqualTo(arrival);
        }
        assertThat(mostWithin(sends.at, Duration.ofMinutes(1))).isLessThanOrEqualTo(30);
        assertThat(mostWithin(sends.at, Duration.ofHours(1))).isLessThanOrEqualTo(1000);
    }

    /** The most sends in any span of this length (in time order: each span ending at a send, which is the worst). */
    private static int mostWithin(List<Instant> at, Duration span) {
        int most = 0;
        int first = 0;
        for (int last = 0; last < at.size(); last++) {
            while (!at.get(first).isAfter(at.get(last).minus(span))) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
