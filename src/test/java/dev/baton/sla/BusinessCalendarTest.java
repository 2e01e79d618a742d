package dev.baton.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private final BusinessCalendar calendar = Calendars2026.standard();

    @Test
    void twoHoursFromHalfPastFiveBeforeNationalDayLandOnTheFirstWorkdayAfterAtHalfPastTen() {
        // 2026-09-30 is a Wednesday, the last workday before the holiday of 10-01 … 10-07
        assertThat(deadline("2026-09-30T17:30", "PT2H")).isEqualTo("2026-10-08T10:30");
    }

    @Test
    void theLunchBreakDoesNotCount() {
        assertThat(deadline("2026-11-03T11:00", "PT2H")).isEqualTo("2026-11-03T14:30");
        assertThat(elapsed("2026-11-03T11:00", "2026-11-03T14:30")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aTicketOpenedOnSaturdayStartsOnMonday() {
        assertThat(deadline("2026-11-07T10:00", "PT90M")).isEqualTo("2026-11-09T10:30");
        assertThat(deadline("2026-11-07T10:00", "P1D")).isEqualTo("2026-11-10T09:00");
    }

    @Test
    void aMakeUpSundayCounts() {
        // Sunday 2026-09-20 is worked (调休) with Monday's windows
        assertThat(deadline("2026-09-19T10:00", "PT1H")).isEqualTo("2026-09-20T10:00");
        assertThat(elapsed("2026-09-18T18:00", "2026-09-21T09:00")).isEqualTo(Duration.ofMinutes(450));
    }

    @Test
    void aMakeUpSaturdayAfterNationalDayCounts() {
        // 10-08 Thu, 10-09 Fri, 10-10 Sat (调休), then Monday 10-12
        assertThat(deadline("2026-09-30T10:00", "P3D")).isEqualTo("2026-10-10T10:00");
    }

    @Test
    void businessDaysKeepTheTimeOfDay() {
        assertThat(deadline("2026-11-03T15:00", "P3D")).isEqualTo("2026-11-06T15:00");
        // Friday + 1 business day is Monday
        assertThat(deadline("2026-11-06T15:00", "P1D")).isEqualTo("2026-11-09T15:00");
        // one business day, then two business hours
        assertThat(deadline("2026-11-03T17:00", "P1DT2H")).isEqualTo("2026-11-05T10:00");
        // from outside working hours, the day count starts at the next working moment
        assertThat(deadline("2026-11-03T20:00", "P1D")).isEqualTo("2026-11-05T09:00");
    }

    @Test
    void aDeadlineThatEndsWithTheDayIsThatEvening() {
        assertThat(deadline("2026-11-03T17:00", "PT1H")).isEqualTo("2026-11-03T18:00");
        assertThat(deadline("2026-11-03T09:00", "PT0M")).isEqualTo("2026-11-03T09:00");
    }

    @Test
    void aNightShiftAcrossMidnightIsOneStretch() {
        Map<DayOfWeek, List<WorkingWindow>> nights = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            nights.put(d, List.of(WorkingWindow.of("00:00", "06:00"), WorkingWindow.of("22:00", "24:00")));
        }
        BusinessCalendar night = new BusinessCalendar(Calendars2026.SHANGHAI, nights, Set.of(), Map.of());
        Instant from = at("2026-11-03T23:00", Calendars2026.SHANGHAI);
        assertThat(night.deadline(from, BusinessDuration.ofMinutes(180)))
                .isEqualTo(at("2026-11-04T02:00", Calendars2026.SHANGHAI));
        assertThat(night.elapsed(from, at("2026-11-04T12:00", Calendars2026.SHANGHAI)))
                .isEqualTo(Duration.ofHours(7));
    }

    @Test
    void aWindowOnADstChangeDayHasItsRealLength() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        BusinessCalendar everyNight = nightly(berlin, "01:00", "04:00");
        // 2026-03-29: clocks go from 02:00 to 03:00, so 01:00–04:00 lasts two hours
        Duration spring = everyNight.elapsed(at("2026-03-29T00:00", berlin), at("2026-03-29T12:00", berlin));
        assertThat(spring).isEqualTo(Duration.ofHours(2));
        // 2026-10-25: clocks go from 03:00 back to 02:00, so 01:00–04:00 lasts four hours
        Duration autumn = everyNight.elapsed(at("2026-10-25T00:00", berlin), at("2026-10-25T12:00", berlin));
        assertThat(autumn).isEqualTo(Duration.ofHours(4));
        assertThat(everyNight.deadline(at("2026-03-29T01:00", berlin), BusinessDuration.ofMinutes(120)))
                .isEqualTo(at("2026-03-29T04:00", berlin));
    }

    @Test
    void holidaysAndWorkdaysAreDaysOffAndOn() {
        assertThat(this.calendar.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
        assertThat(this.calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
        assertThat(this.calendar.isWorkingDay(LocalDate.parse("2026-10-11"))).isFalse();
        assertThat(this.calendar.windowsOn(LocalDate.parse("2026-10-10"))).hasSize(2);
    }

    @Test
    void yearsWithoutHolidayDataAreNamed() {
        assertThat(this.calendar.yearsWithoutHolidayData(
                        at("2026-12-30T09:00", Calendars2026.SHANGHAI), at("2028-01-05T09:00", Calendars2026.SHANGHAI)))
                .containsExactly(2027, 2028);
        assertThat(BusinessCalendar.allDay(Calendars2026.SHANGHAI)
                        .yearsWithoutHolidayData(Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z")))
                .isEmpty();
    }

    @Test
    void aCalendarWithoutWorkingTimeGivesUpInsteadOfLoopingForever() {
        BusinessCalendar never = new BusinessCalendar(Calendars2026.SHANGHAI, Map.of(), Set.of(), Map.of());
        assertThatThrownBy(() -> never.deadline(Instant.EPOCH, BusinessDuration.ofMinutes(1)))
                .isInstanceOf(NoWorkingTimeException.class);
        assertThatThrownBy(() -> never.deadline(Instant.EPOCH, BusinessDuration.ofDays(1)))
                .isInstanceOf(NoWorkingTimeException.class);
    }

    @Test
    void aMonthOfBusinessDaysIsQuick() {
        Instant from = at("2026-01-05T10:00", Calendars2026.SHANGHAI);
        long started = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            this.calendar.deadline(
                    from.plusSeconds(i * 60L), BusinessDuration.parse("P30D").orElseThrow());
        }
        // not a timing assertion: a minute-by-minute walk would be ~10^4 times slower than this bound
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void durationsParseAsBusinessDaysThenTime() {
        assertThat(BusinessDuration.parse("PT90M")).contains(BusinessDuration.ofMinutes(90));
        assertThat(BusinessDuration.parse("P1DT2H").orElseThrow().days()).isEqualTo(1);
        assertThat(BusinessDuration.parse("P1DT2H").orElseThrow().toString()).isEqualTo("P1DT2H");
        assertThat(BusinessDuration.parse("P3D").orElseThrow().toString()).isEqualTo("P3D");
        assertThat(BusinessDuration.parse("PT-1H")).isEmpty();
        assertThat(BusinessDuration.parse("P1M")).isEmpty();
        assertThat(BusinessDuration.parse("PT")).isEmpty();
        assertThat(BusinessDuration.parse("P")).isEmpty();
        assertThat(BusinessDuration.parse("2h")).isEmpty();
        assertThat(BusinessDuration.parse("P9999D")).isEmpty();
    }

    private static BusinessCalendar nightly(ZoneId zone, String start, String end) {
        Map<DayOfWeek, List<WorkingWindow>> w = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            w.put(d, List.of(WorkingWindow.of(start, end)));
        }
        return new BusinessCalendar(zone, w, Set.of(), Map.of());
    }

    private String deadline(String from, String duration) {
        Instant due = this.calendar.deadline(
                at(from, Calendars2026.SHANGHAI),
                BusinessDuration.parse(duration).orElseThrow());
        return due.atZone(Calendars2026.SHANGHAI).toLocalDateTime().toString();
    }

    private Duration elapsed(String from, String to) {
        return this.calendar.elapsed(at(from, Calendars2026.SHANGHAI), at(to, Calendars2026.SHANGHAI));
    }

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }
}
