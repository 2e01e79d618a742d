package dev.baton.sla.internal;

import dev.baton.sla.BusinessCalendar;
import dev.baton.sla.BusinessDuration;
import dev.baton.sla.WorkingWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Fixtures of the SLA clock tests: an office calendar in Shanghai and targets. */
final class SlaClocks {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private SlaClocks() {}

    /** Monday to Friday 09:00–12:00 and 13:30–18:00; 2026-04-06 (清明, a Monday) off. */
    static BusinessCalendar office() {
        Map<DayOfWeek, List<WorkingWindow>> w = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            w.put(d, List.of(WorkingWindow.of("09:00", "12:00"), WorkingWindow.of("13:30", "18:00")));
        }
        return new BusinessCalendar(SHANGHAI, w, Set.of(LocalDate.parse("2026-04-06")), Map.of());
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static SlaTargets targets(String firstResponse, String resolution, Map<String, String> nodes) {
        Map<String, BusinessDuration> n = new java.util.HashMap<>();
        nodes.forEach((k, v) -> n.put(k, BusinessDuration.parse(v).orElseThrow()));
        return new SlaTargets(
                BusinessDuration.parse(firstResponse).orElseThrow(),
                BusinessDuration.parse(resolution).orElseThrow(),
                n,
                Set.of("suspended"));
    }
}
