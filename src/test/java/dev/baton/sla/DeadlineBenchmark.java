package dev.baton.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link BusinessCalendar#deadline} on the standard calendar (09:00–12:00, 13:30–18:00, the 2026 holidays) for
 * the spans SLA policies use, each call from the next of 64 start moments: inside the windows, at their edges, in
 * the lunch break, evenings, weekends, a make-up Sunday, and the days before the Spring Festival and National Day.
 * Run by {@code dev.baton.bench.DeadlineBench} ({@code bench/deadline.sh}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DeadlineBenchmark {

    static final BusinessDuration PT30M = BusinessDuration.parse("PT30M").orElseThrow();
    static final BusinessDuration PT2H = BusinessDuration.parse("PT2H").orElseThrow();
    static final BusinessDuration PT8H = BusinessDuration.parse("PT8H").orElseThrow();
    static final BusinessDuration P3D = BusinessDuration.parse("P3D").orElseThrow();
    private static final BusinessDuration[] SPANS = {PT30M, PT2H, PT8H, P3D};

    private final BusinessCalendar calendar = Calendars2026.standard();
    private final Instant[] starts = starts();
    private int next;

    /** 8 days × 8 times of day: a power of two, so the next index is a mask. */
    static Instant[] starts() {
        List<LocalDate> days = List.of(
                LocalDate.parse("2026-11-03"), // Tuesday
                LocalDate.parse("2026-11-05"), // Thursday
                LocalDate.parse("2026-11-06"), // Friday
                LocalDate.parse("2026-11-07"), // Saturday
                LocalDate.parse("2026-11-08"), // Sunday
                LocalDate.parse("2026-09-20"), // a make-up Sunday (调休)
                LocalDate.parse("2026-09-30"), // the last workday before National Day
                LocalDate.parse("2026-02-13")); // the last workday before the Spring Festival
        List<LocalTime> times = List.of(
                LocalTime.parse("07:45"),
                LocalTime.parse("09:00"),
                LocalTime.parse("10:17:31"),
                LocalTime.parse("11:59"),
                LocalTime.parse("12:40"),
                LocalTime.parse("15:45"),
                LocalTime.parse("17:50"),
                LocalTime.parse("21:30"));
        List<Instant> out = new ArrayList<>();
        for (LocalDate d : days) {
            for (LocalTime t : times) {
                out.add(d.atTime(t).atZone(Calendars2026.SHANGHAI).toInstant());
            }
        }
        return out.toArray(Instant[]::new);
    }

    private Instant from() {
        return this.starts[this.next++ & 63];
    }

    @Benchmark
    public Instant pt30m() {
        return this.calendar.deadline(from(), PT30M);
    }

    @Benchmark
    public Instant pt2h() {
        return this.calendar.deadline(from(), PT2H);
    }

    @Benchmark
    public Instant pt8h() {
        return this.calendar.deadline(from(), PT8H);
    }

    @Benchmark
    public Instant p3d() {
        return this.calendar.deadline(from(), P3D);
    }

    /** The four spans in turn (the index runs over 64 starts × 4 spans before it repeats). */
    @Benchmark
    public Instant mixed() {
        int i = this.next++;
        return this.calendar.deadline(this.starts[i & 63], SPANS[(i >>> 6) & 3]);
    }
}
