package dev.baton.sla.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.sla.BusinessCalendar;
import dev.baton.sla.BusinessDuration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class SlaClockPropertyTest {

    private final BusinessCalendar office = SlaClocks.office();

    @Property(tries = 300)
    void pausesMoveTheDeadlineByExactlyThePausedBusinessTime(
            @ForAll("instants") Instant created,
            @ForAll @IntRange(min = 60, max = 60 * 40) int targetMinutes,
            @ForAll @Size(max = 4) List<@LongRange(min = 1, max = 60 * 24 * 4) Long> pauseWallMinutes,
            @ForAll @Size(max = 4) List<@LongRange(min = 0, max = 600) Long> gapWallMinutes) {
        Instant start = this.office.nextWorkingMoment(created);
        BusinessDuration target = BusinessDuration.ofMinutes(targetMinutes);
        Instant base = this.office.deadline(start, target);
        List<SlaFact> facts = new ArrayList<>();
        facts.add(SlaFact.of(start, SlaFact.Kind.CREATED));
        Duration paused = Duration.ZERO;
        Instant t = start;
        for (int i = 0; i < pauseWallMinutes.size(); i++) {
            Instant p = t.plus(Duration.ofMinutes(i < gapWallMinutes.size() ? gapWallMinutes.get(i) : 0));
            Instant q = p.plus(Duration.ofMinutes(pauseWallMinutes.get(i)));
            Instant dueSoFar = paused.isZero() ? base : this.office.deadline(base, new BusinessDuration(0, paused));
            if (p.isAfter(dueSoFar)) {
                break;
            }
            facts.add(SlaFact.status(p, "suspended"));
            facts.add(SlaFact.status(q, "in_progress"));
            paused = paused.plus(this.office.elapsed(p, q));
            t = q;
        }
        SlaMetric m = SlaClock.compute(facts, targets(target), this.office, t).get(0);

        assertThat(m.paused()).isEqualTo(paused);
        assertThat(this.office.elapsed(start, m.dueAt()))
                .isEqualTo(this.office.elapsed(start, base).plus(paused));
    }

    @Property(tries = 300)
    void aStoppedMetricIsMetExactlyWhenItStopsByItsDeadlineWhateverTheTimeAskedAbout(
            @ForAll("instants") Instant created,
            @ForAll @IntRange(min = 1, max = 60 * 30) int targetMinutes,
            @ForAll @LongRange(min = 0, max = 60 * 24 * 10) long answerAfter,
            @ForAll @LongRange(min = 0, max = 60 * 24 * 365) long askedAfter) {
        BusinessDuration target = BusinessDuration.ofMinutes(targetMinutes);
        Instant answer = created.plus(Duration.ofMinutes(answerAfter));
        List<SlaFact> facts =
                List.of(SlaFact.of(created, SlaFact.Kind.CREATED), SlaFact.of(answer, SlaFact.Kind.RESPONSE));

        SlaMetric m = SlaClock.compute(facts, targets(target), this.office, answer.plus(Duration.ofMinutes(askedAfter)))
                .get(0);

        assertThat(m.dueAt()).isEqualTo(this.office.deadline(created, target));
        assertThat(m.state()).isEqualTo(answer.isAfter(m.dueAt()) ? SlaMetric.State.BREACHED : SlaMetric.State.MET);
        assertThat(SlaClock.timers(m, this.office, Duration.ofMinutes(30), List.of()))
                .isEmpty();
    }

    @Property(tries = 200)
    void theReminderLeavesExactlyTheReminderTimeBeforeTheDeadline(
            @ForAll("instants") Instant created, @ForAll @IntRange(min = 31, max = 60 * 30) int targetMinutes) {
        Instant start = this.office.nextWorkingMoment(created);
        BusinessDuration target = BusinessDuration.ofMinutes(targetMinutes);
        SlaMetric m = SlaClock.compute(
                        List.of(SlaFact.of(start, SlaFact.Kind.CREATED)), targets(target), this.office, start)
                .get(0);

        SlaClock.Timer reminder = SlaClock.timers(m, this.office, Duration.ofMinutes(30), List.of())
                .get(0);

        assertThat(reminder.kind()).isEqualTo("reminder");
        assertThat(this.office.elapsed(reminder.at(), m.dueAt())).isEqualTo(Duration.ofMinutes(30));
    }

    private static SlaTargets targets(BusinessDuration firstResponse) {
        return new SlaTargets(firstResponse, null, Map.of(), Set.of("suspended"));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Instant start = SlaClocks.at("2026-03-01T00:00");
        return Arbitraries.longs().between(0, 200L * 24 * 60).map(m -> start.plusSeconds(m * 60));
    }
}
