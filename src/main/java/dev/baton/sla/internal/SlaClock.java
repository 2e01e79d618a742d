package dev.baton.sla.internal;

import dev.baton.sla.BusinessCalendar;
import dev.baton.sla.BusinessDuration;
import dev.baton.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The SLA metrics of a ticket as a pure function of its facts (in order), the policy's targets, the calendar and
 * the moment asked about. Nothing is stored between calls, so a changed policy or calendar gives every open ticket
 * its new result from the same history.
 *
 * <p>Rules: {@code first_response} and {@code resolution} start at creation; {@code first_response} stops at the
 * first response or the close; {@code resolution} stops when the ticket leaves the running statuses (resolved,
 * rejected, closed, cancelled) and runs on if it is reopened (the time in between counts as paused); a node's metric
 * runs from entering the node to completing it, and starts afresh when the ticket comes back to it. While the ticket
 * is in a pause status every open metric stops; when it resumes the deadline moves by exactly the paused business
 * time. A metric is met when it stops at or before its deadline. Once past its deadline it is breached for good: a
 * later pause does not take that back.
 */
final class SlaClock {

    private SlaClock() {}

    static List<SlaMetric> compute(List<SlaFact> facts, SlaTargets targets, BusinessCalendar calendar, Instant now) {
        Map<String, Run> runs = new LinkedHashMap<>();
        String status = TicketStatus.OPEN.code();
        for (SlaFact fact : facts) {
            Instant t = fact.at();
            runs.values().forEach(r -> r.advance(t));
            switch (fact.kind()) {
                case CREATED -> {
                    start(runs, SlaMetric.FIRST_RESPONSE, targets.firstResponse(), t, calendar, false);
                    start(runs, SlaMetric.RESOLUTION, targets.resolution(), t, calendar, false);
                }
                case STATUS -> {
                    status = fact.status() == null ? status : fact.status();
                    boolean pause = targets.pauseStatuses().contains(status);
                    boolean running = TicketStatus.ofCode(status)
                            .map(TicketStatus::running)
                            .orElse(true);
                    for (Run r : runs.values()) {
                        if (pause) {
                            r.pause(t);
                        } else {
                            r.resume(t);
                        }
                    }
                    Run resolution = runs.get(SlaMetric.RESOLUTION);
                    if (resolution != null && !running) {
                        resolution.stop(t);
                    } else if (resolution != null && running) {
                        resolution.reopen(t, pause);
                    }
                }
                case RESPONSE -> stop(runs, SlaMetric.FIRST_RESPONSE, t);
                case NODE_ENTERED -> {
                    String key = SlaMetric.NODE + fact.nodeId();
                    BusinessDuration target = Optional.ofNullable(fact.target())
                            .flatMap(BusinessDuration::parse)
                            .orElse(targets.nodes().get(fact.nodeId()));
                    Run old = runs.get(key);
                    if (target != null && (old == null || !old.open())) {
                        Run run = new Run(key, target, t, calendar);
                        if (old != null) {
                            run.history.addAll(0, old.history);
                            run.history.set(old.history.size(), new SlaMetric.Entry(t, "restarted"));
                        }
                        if (targets.pauseStatuses().contains(status)) {
                            run.pause(t);
                        }
                        runs.put(key, run);
                    }
                }
                case NODE_COMPLETED -> stop(runs, SlaMetric.NODE + fact.nodeId(), t);
                case CLOSED -> {
                    status = fact.status() == null ? TicketStatus.CLOSED.code() : fact.status();
                    runs.values().forEach(r -> r.stop(t));
                }
                case ASSIGNED -> {
                    // who works on it matters to escalations, not to the clock
                }
            }
        }
        List<SlaMetric> out = new ArrayList<>(runs.size());
        for (Run r : runs.values()) {
            // at the deadline itself the time is up (the breach timer fires then); a stop at that moment is met
            r.advance(now.plusNanos(1));
            out.add(r.result(now));
        }
        return out;
    }

    /**
     * When to remind, announce the breach and escalate for one metric: nothing for a paused or stopped one; for a
     * running one the reminder ({@code reminderBefore} business time before the deadline, at once when less is
     * left), the breach at the deadline and each escalation its business-time offset after it; for one breached
     * and still open the breach and escalations (their firing is recorded, so past ones are not repeated).
     */
    static List<Timer> timers(
            SlaMetric metric, BusinessCalendar calendar, Duration reminderBefore, List<BusinessDuration> escalations) {
        List<Timer> out = new ArrayList<>();
        if (!metric.open() || metric.state() == SlaMetric.State.PAUSED) {
            return out;
        }
        Instant due = metric.dueAt();
        if (metric.state() == SlaMetric.State.RUNNING && !reminderBefore.isZero()) {
            Duration left = calendar.elapsed(metric.startedAt(), due);
            Instant remindAt = left.compareTo(reminderBefore) <= 0
                    ? metric.startedAt()
                    : calendar.deadline(metric.startedAt(), new BusinessDuration(0, left.minus(reminderBefore)));
            out.add(new Timer(metric.metric(), "reminder", remindAt, due));
        }
        out.add(new Timer(metric.metric(), "breached", due, due));
        for (int i = 0; i < escalations.size(); i++) {
            out.add(new Timer(
                    metric.metric(), "escalated_l" + (i + 1), calendar.deadline(due, escalations.get(i)), due));
        }
        return out;
    }

    /**
     * One durable job to schedule.
     *
     * @param kind {@code reminder}, {@code breached}, {@code escalated_l1} …
     * @param dueAt the metric's deadline it belongs to: a moved deadline makes it stale
     */
    record Timer(String metric, String kind, Instant at, Instant dueAt) {}

    private static void start(
            Map<String, Run> runs,
            String metric,
            @Nullable BusinessDuration target,
            Instant at,
            BusinessCalendar calendar,
            boolean paused) {
        if (target != null && !runs.containsKey(metric)) {
            Run run = new Run(metric, target, at, calendar);
            if (paused) {
                run.pause(at);
            }
            runs.put(metric, run);
        }
    }

    private static void stop(Map<String, Run> runs, String metric, Instant at) {
        Run r = runs.get(metric);
        if (r != null) {
            r.stop(at);
        }
    }

    /** One metric being followed through the facts. */
    private static final class Run {

        final String metric;
        final BusinessDuration target;
        final Instant start;
        final Instant base;
        final BusinessCalendar calendar;
        final List<SlaMetric.Entry> history = new ArrayList<>();
        Instant due;
        Duration paused = Duration.ZERO;

        @Nullable
        Instant pausedSince;

        @Nullable
        Instant stoppedAt;

        boolean breached;

        Run(String metric, BusinessDuration target, Instant start, BusinessCalendar calendar) {
            this.metric = metric;
            this.target = target;
            this.start = start;
            this.calendar = calendar;
            this.base = calendar.deadline(start, target);
            this.due = this.base;
            this.history.add(new SlaMetric.Entry(start, "started"));
        }

        boolean open() {
            return this.stoppedAt == null;
        }

        /** Time passes up to {@code t}: a running metric whose deadline is before it is breached at the deadline. */
        void advance(Instant t) {
            if (this.stoppedAt == null && !this.breached && this.pausedSince == null && t.isAfter(this.due)) {
                this.breached = true;
                this.history.add(new SlaMetric.Entry(this.due, "breached"));
            }
        }

        void pause(Instant t) {
            if (this.stoppedAt == null && !this.breached && this.pausedSince == null) {
                this.pausedSince = t;
                this.history.add(new SlaMetric.Entry(t, "paused"));
            }
        }

        void resume(Instant t) {
            Instant since = this.pausedSince;
            if (since != null) {
                this.paused = this.paused.plus(this.calendar.elapsed(since, t));
                this.due = shifted(this.paused);
                this.pausedSince = null;
                this.history.add(new SlaMetric.Entry(t, "resumed"));
            }
        }

        void stop(Instant t) {
            if (this.stoppedAt == null) {
                resume(t);
                advance(t);
                this.stoppedAt = t;
                this.history.add(new SlaMetric.Entry(t, this.breached ? "stopped" : "met"));
            }
        }

        /** A stopped resolution runs on; the time it stood still counts as paused (unless already breached). */
        void reopen(Instant t, boolean pauseNow) {
            Instant stopped = this.stoppedAt;
            if (stopped == null) {
                return;
            }
            this.stoppedAt = null;
            this.history.add(new SlaMetric.Entry(t, "reopened"));
            if (!this.breached) {
                this.paused = this.paused.plus(this.calendar.elapsed(stopped, t));
                this.due = shifted(this.paused);
            }
            if (pauseNow) {
                pause(t);
            }
        }

        SlaMetric result(Instant now) {
            SlaMetric.State state;
            Instant dueAt = this.due;
            Duration pausedNow = this.paused;
            if (this.stoppedAt != null) {
                state = this.breached ? SlaMetric.State.BREACHED : SlaMetric.State.MET;
            } else if (this.breached) {
                state = SlaMetric.State.BREACHED;
            } else if (this.pausedSince != null) {
                state = SlaMetric.State.PAUSED;
                pausedNow = this.paused.plus(this.calendar.elapsed(this.pausedSince, now));
                dueAt = shifted(pausedNow);
            } else {
                state = SlaMetric.State.RUNNING;
            }
            return new SlaMetric(
                    this.metric,
                    this.target,
                    this.start,
                    dueAt,
                    state,
                    this.stoppedAt,
                    pausedNow,
                    List.copyOf(this.history));
        }

        private Instant shifted(Duration by) {
            return by.isZero() ? this.base : this.calendar.deadline(this.base, new BusinessDuration(0, by));
        }
    }
}
