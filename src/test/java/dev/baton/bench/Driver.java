package dev.baton.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

/** The baseline's closed-loop load driver: N threads run a body until the deadline; throughput counts the tail. */
final class Driver {

    private Driver() {}

    interface Body {
        /** One iteration on thread {@code index} (0 … N-1). */
        void run(Stats s, ThreadLocalRandom r, int index) throws Exception;
    }

    /** Ends a phase early (a fixed amount of work done). */
    static final class StopPhase extends RuntimeException {}

    static volatile Throwable firstError;

    record Phase(Stats total, double elapsedSec) {}

    static Phase run(int threads, double seconds, Body body) throws InterruptedException {
        List<Stats> all = new ArrayList<>();
        List<Thread> ts = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        for (int i = 0; i < threads; i++) {
            Stats s = new Stats();
            all.add(s);
            int index = i;
            Thread t = new Thread(
                    () -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            return;
                        }
                        ThreadLocalRandom r = ThreadLocalRandom.current();
                        while (System.nanoTime() < deadline[0]) {
                            try {
                                body.run(s, r, index);
                            } catch (StopPhase stop) {
                                break;
                            } catch (Throwable e) {
                                s.errors++;
                                if (firstError == null) {
                                    firstError = e;
                                    e.printStackTrace();
                                }
                            }
                        }
                    },
                    "bench-" + i);
            t.start();
            ts.add(t);
        }
        long t0 = System.nanoTime();
        deadline[0] = t0 + (long) (seconds * 1e9);
        go.countDown();
        for (Thread t : ts) {
            t.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        Stats total = new Stats();
        for (Stats s : all) {
            total.addAll(s);
        }
        return new Phase(total, elapsed);
    }

    static final class Stats {
        final Samples start = new Samples();
        final Samples query = new Samples();
        final Samples claim = new Samples();
        final Samples complete = new Samples();
        final Samples lifecycle = new Samples();
        long ops;
        long tasks;
        long approvals;
        long errors;

        void addAll(Stats o) {
            this.start.addAll(o.start);
            this.query.addAll(o.query);
            this.claim.addAll(o.claim);
            this.complete.addAll(o.complete);
            this.lifecycle.addAll(o.lifecycle);
            this.ops += o.ops;
            this.tasks += o.tasks;
            this.approvals += o.approvals;
            this.errors += o.errors;
        }
    }

    /** Raw latency samples in nanoseconds. */
    static final class Samples {
        long[] v = new long[1024];
        int n;

        void add(long x) {
            if (this.n == this.v.length) {
                this.v = Arrays.copyOf(this.v, this.n * 2);
            }
            this.v[this.n++] = x;
        }

        void addAll(Samples o) {
            for (int i = 0; i < o.n; i++) {
                add(o.v[i]);
            }
        }

        double pctMs(double p) {
            if (this.n == 0) {
                return Double.NaN;
            }
            long[] s = Arrays.copyOf(this.v, this.n);
            Arrays.sort(s);
            int idx = (int) Math.ceil(p * this.n) - 1;
            return s[Math.max(0, Math.min(this.n - 1, idx))] / 1e6;
        }
    }
}
