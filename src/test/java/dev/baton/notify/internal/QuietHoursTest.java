package dev.baton.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), SHANGHAI);

    @Test
    void aWindowOverMidnightHoldsUntilTheNextMorning() {
        assertThat(NIGHT.endingAfter(at(2026, 10, 8, 23, 30))).contains(at(2026, 10, 9, 8, 0));
        assertThat(NIGHT.endingAfter(at(2026, 10, 9, 7, 59))).contains(at(2026, 10, 9, 8, 0));
        assertThat(NIGHT.endingAfter(at(2026, 10, 8, 22, 0))).contains(at(2026, 10, 9, 8, 0));
    }

    @Test
    void outsideTheWindowNothingWaits() {
        assertThat(NIGHT.endingAfter(at(2026, 10, 9, 8, 0))).isEmpty();
        assertThat(NIGHT.endingAfter(at(2026, 10, 9, 21, 59))).isEmpty();
    }

    @Test
    void aWindowWithinOneDayAndAnEmptyWindow() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 30), SHANGHAI);
        assertThat(lunch.endingAfter(at(2026, 10, 9, 12, 15))).contains(at(2026, 10, 9, 13, 30));
        assertThat(lunch.endingAfter(at(2026, 10, 9, 23, 0))).isEmpty();
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, SHANGHAI);
        assertThat(none.endingAfter(at(2026, 10, 9, 3, 0))).isEmpty();
    }

    private static Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, SHANGHAI).toInstant();
    }
}
