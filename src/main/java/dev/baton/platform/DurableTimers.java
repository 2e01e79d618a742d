package dev.baton.platform;

import java.time.Instant;

/**
 * Durable one-shot timers for modules that must not depend on the SLA module (the pool's escalation of unclaimed
 * tickets and its return of untouched grabbed ones). Implemented by {@code sla} on db-scheduler: a timer is written
 * in the caller's transaction (a rolled-back change schedules nothing), fires once however many Baton nodes share
 * the database, and fires right after a start when it fell due while every node was down.
 */
public interface DurableTimers {

    /** Fires the handler of {@code kind} with {@code key} at {@code at}; the same kind and key again is ignored. */
    void schedule(String kind, String key, Instant at);

    /** Drops the waiting timers of {@code kind} whose key starts with {@code keyPrefix}. */
    void cancel(String kind, String keyPrefix);

    /**
     * What a kind of timer does when it fires: one bean per kind. It runs in a transaction of its own; it must check
     * that what it is about still holds (a timer may fire for a ticket that has moved on), and an exception makes it
     * fire again later.
     */
    interface Handler {

        /** A short name without {@code |}, e.g. {@code pool-return}. */
        String kind();

        void fire(String key);
    }
}
