package dev.baton.sla.internal;

import static dev.baton.sla.internal.SlaClocks.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.sla.BusinessCalendar;
import dev.baton.sla.BusinessDuration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaClockTest {

    private final BusinessCalendar office = SlaClocks.office();
    private final SlaTargets targets = SlaClocks.targets("PT4H", "P2D", Map.of("visit", "PT8H"));

    @Test
    void aFirstResponseWithinFourBusinessHoursIsMetAndTheDeadlineSkipsLunch() {
        List<SlaFact> facts = List.of(
                SlaFact.of(at("2026-03-02T09:00"), SlaFact.Kind.CREATED),
                SlaFact.of(at("2026-03-02T11:00"), SlaFact.Kind.RESPONSE));

        SlaMetric fr = metric(facts, at("2026-03-03T09:00"), SlaMetric.FIRST_RESPONSE);

        assertThat(fr.dueAt()).isEqualTo(at("2026-03-02T14:30"));
        assertThat(fr.state()).isEqualTo(SlaMetric.State.MET);
        assertThat(fr.stoppedAt()).isEqualTo(at("2026-03-02T11:00"));
        assertThat(fr.history()).extracting(SlaMetric.Entry::event).containsExactly("started", "met");
    }

    @Test
    void withoutAResponseTheMetricIsBreachedAtItsDeadline() {
        List<SlaFact> facts = List.of(SlaFact.of(at("2026-03-02T09:00"), SlaFact.Kind.CREATED));

        SlaMetric fr = metric(facts, at("2026-03-02T15:00"), SlaMetric.FIRST_RESPONSE);

        assertThat(fr.state()).isEqualTo(SlaMetric.State.BREACHED);
        assertThat(fr.history()).contains(new SlaMetric.Entry(at("2026-03-02T14:30"), "breached"));
        assertThat(fr.open()).isTrue();
    }

    @Test
    void aSuspensionMovesTheDeadlineByThePausedBusinessTimeOvernight() {
        List<SlaFact> facts = List.of(
                SlaFact.of(at("2026-03-02T09:00"), SlaFact.Kind.CREATED),
                SlaFact.status(at("2026-03-02T10:00"), "suspended"),
                SlaFact.status(at("2026-03-03T10:00"), "in_progress"));

        SlaMetric fr = metric(facts, at("2026-03-03T11:00"), SlaMetric.FIRST_RESPONSE);

        // Monday 10:00–12:00, 13:30–18:00 and Tuesday 09:00–10:00: 7.5 business hours paused
        assertThat(fr.paused()).isEqualTo(Duration.ofMinutes(450));
        assertThat(fr.dueAt()).isEqualTo(at("2026-03-03T14:30"));
        assertThat(fr.state()).isEqualTo(SlaMetric.State.RUNNING);
        assertThat(fr.history()).extracting(SlaMetric.Entry::event).containsExactly("started", "paused", "resumed");
    }

    @Test
    void whilePausedTheMetricShowsPausedWithTheDeadlineAsIfItResumedNow() {
        List<SlaFact> facts = List.of(
                SlaFact.of(at("2026-03-02T09:00"), SlaFact.Kind.CREATED),
                SlaFact.status(at("2026-03-02T10:00"), "suspended"));

        SlaMetric fr = metric(facts, at("2026-03-02T11:00"), SlaMetric.FIRST_RESPONSE);

        assertThat(fr.state()).isEqualTo(SlaMetric.State.PAUSED);
        assertThat(fr.dueAt()).isEqualTo(at("2026-03-02T15:30"));
        assertThat(SlaClock.timers(fr, this.office, Duration.ofMinutes(30), List.of()))
                .isEmpty();
    }

    @Test
    void aPauseAfterTheDeadlineDoesNotUndoTheBreach() {
        List<SlaFact> facts = List.of(
                SlaFact.of(at("2026-03-02T09:00"), SlaFact.Kind.CREATED),
                SlaFact.status(at("2026-03-02T16:00"), "suspended"));

        SlaMetric fr = metric(facts, at("2026-03-03T10:00"), SlaMetric.FIRST_RESPONSE);

        assertThat(fr.state()).isEqualTo(SlaMetric.State.BREACHED);
        assertThat(fr.dueAt()).isEqualTo(at("2026-03-02T14:30"));
    }

    @Test
    void resolutionStopsWhenResolvedAndRunsOnWhenReopenedWithoutCountingTheTimeBetween() {
        List<SlaFact> facts = List.of(
                SlaFact.of(at("2026-03-02T09:00"), SlaFact.Kind.CREATED),
                SlaFact.status(at("2026-03-02T10:00"), "resolved"),
                SlaFact.status(at("2026-03-03T10:00"), "in_progress"));

        SlaMetric resolution = metric(facts, at("2026-03-03T11:00"), SlaMetric.RESOLUTION);

        assertThat(resolution.state()).isEqualTo(SlaMetric.State.RUNNING);
        assertThat(resolution.paused()).isEqualTo(Duration.ofMinutes(450));
        assertThat(resolution.history())
                .extracting(SlaMetric.Entry::event)
                .containsExactly("started", "met", "reopened");
    }

    @Test
    void aNodesOwnSlaOverridesThePolicyAndStartsAfreshWhenTheTicketComesBack() {
        List<SlaFact> facts = List.of(
                SlaFact.of(at("2026-03-02T09:00"), SlaFact.Kind.CREATED),
                SlaFact.node(at("2026-03-02T09:00"), SlaFact.Kind.NODE_ENTERED, "visit", "PT1H"),
                SlaFact.node(at("2026-03-02T09:30"), SlaFact.Kind.NODE_COMPLETED, "visit", null),
                SlaFact.node(at("2026-03-02T13:30"), SlaFact.Kind.NODE_ENTERED, "visit", null));

        SlaMetric visit = metric(facts, at("2026-03-02T14:00"), SlaMetric.NODE + "visit");

        // the second visit has no own SLA in its flow: the policy's 8 hours
        assertThat(visit.target()).isEqualTo(BusinessDuration.parse("PT8H").orElseThrow());
        assertThat(visit.startedAt()).isEqualTo(at("2026-03-02T13:30"));
        assertThat(visit.history()).extracting(SlaMetric.Entry::event).containsExactly("started", "met", "restarted");
    }

    @Test
    void aClosedTicketsResultDoesNotChangeWithTime() {
        List<SlaFact> facts = List.of(
                SlaFact.of(at("2026-03-02T09:00"), SlaFact.Kind.CREATED),
                new SlaFact(at("2026-03-05T09:00"), SlaFact.Kind.CLOSED, "closed", null, null, null, null, null));

        List<SlaMetric> soon = SlaClock.compute(facts, this.targets, this.office, at("2026-03-05T10:00"));
        List<SlaMetric> later = SlaClock.compute(facts, this.targets, this.office, at("2026-06-01T10:00"));

        assertThat(later).isEqualTo(soon);
        assertThat(soon).extracting(SlaMetric::state).containsOnly(SlaMetric.State.BREACHED);
    }

    @Test
    void timersRemindHalfAnHourBeforeAndEscalateInBusinessTimeAfterTheDeadline() {
        List<SlaFact> facts = List.of(SlaFact.of(at("2026-03-02T09:00"), SlaFact.Kind.CREATED));
        SlaMetric fr = metric(facts, at("2026-03-02T09:00"), SlaMetric.FIRST_RESPONSE);

        List<SlaClock.Timer> timers = SlaClock.timers(
                fr,
                this.office,
                Duration.ofMinutes(30),
                List.of(
                        BusinessDuration.ofMinutes(0),
                        BusinessDuration.ofMinutes(120),
                        BusinessDuration.ofMinutes(240)));

        assertThat(timers)
                .extracting(SlaClock.Timer::kind, SlaClock.Timer::at)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("reminder", at("2026-03-02T14:00")),
                        org.assertj.core.groups.Tuple.tuple("breached", at("2026-03-02T14:30")),
                        org.assertj.core.groups.Tuple.tuple("escalated_l1", at("2026-03-02T14:30")),
                        org.assertj.core.groups.Tuple.tuple("escalated_l2", at("2026-03-02T16:30")),
                        // 3.5 h left on Monday, half an hour into Tuesday
                        org.assertj.core.groups.Tuple.tuple("escalated_l3", at("2026-03-03T09:30")));
    }

    private SlaMetric metric(List<SlaFact> facts, java.time.Instant now, String name) {
        return SlaClock.compute(facts, this.targets, this.office, now).stream()
                .filter(m -> m.metric().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
