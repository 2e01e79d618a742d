package dev.baton.assignment.internal;

import dev.baton.ticket.TicketRouting;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;

/** The ticket module's {@link TicketRouting}, answered by the tenant's rules and keywords. */
@Component
class Routing implements TicketRouting {

    private static final RandomGenerator RANDOM =
            () -> ThreadLocalRandom.current().nextLong();

    private final RoutingSnapshots snapshots;
    private final RoutingEngine engine;
    private final Clock clock;

    Routing(RoutingSnapshots snapshots, DatabaseAgents agents, DatabaseCursors cursors, Clock clock) {
        this.snapshots = snapshots;
        this.engine = new RoutingEngine(agents, cursors, RANDOM);
        this.clock = clock;
    }

    @Override
    public Route route(RoutingRequest request) {
        return this.engine
                .decide(this.snapshots.of(request.tenantId()), request, this.clock.instant(), false, false)
                .route();
    }

    /** The decision with its reasons; {@code dryRun} leaves round-robin cursors where they are (explain). */
    Decision decide(RoutingRequest request, boolean dryRun) {
        return this.engine.decide(this.snapshots.of(request.tenantId()), request, this.clock.instant(), dryRun);
    }

    @Override
    public Classification classify(long tenantId, String text) {
        return Classifier.classify(this.snapshots.of(tenantId), text);
    }
}
