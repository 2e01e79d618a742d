package dev.baton.wecom;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trouble the fake WeCom hands out instead of answers, by path prefix: an error code (-1 "system busy", say) or
 * silence (the call is held past Baton's read timeout, then dropped), for the next so many calls. Counts every call
 * by path, so a test can see how often Baton asked.
 */
public final class FakeTrouble {

    /** Longer than the tests' read timeout ({@code baton.wecom.http.read-timeout} in {@link WeComIntegrationTest}). */
    static final Duration SILENCE = Duration.ofMillis(2500);

    private record Rule(String prefix, int errcode, AtomicInteger left) {}

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    /** The next {@code times} calls whose path starts with the prefix answer this errcode. */
    public void fail(String pathPrefix, int times, int errcode) {
        this.rules.add(new Rule(pathPrefix, errcode, new AtomicInteger(times)));
    }

    /** The next {@code times} calls whose path starts with the prefix get no answer in time. */
    public void silence(String pathPrefix, int times) {
        this.rules.add(new Rule(pathPrefix, 0, new AtomicInteger(times)));
    }

    /** Ends all trouble. */
    public void clear() {
        this.rules.clear();
    }

    /** How many calls reached a path starting with this prefix so far. */
    public int calls(String pathPrefix) {
        return this.calls.entrySet().stream()
                .filter(e -> e.getKey().startsWith(pathPrefix))
                .mapToInt(e -> e.getValue().get())
                .sum();
    }

    /** Counts the call and, if trouble is due for it, answers (or does not): whether it did. */
    boolean strikes(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        this.calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        for (Rule r : this.rules) {
            if (path.startsWith(r.prefix()) && r.left().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                if (r.errcode() == 0) {
                    try {
                        Thread.sleep(SILENCE.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.close();
                } else {
                    FakeWeCom.answer(exchange, Map.of("errcode", r.errcode(), "errmsg", "system busy"));
                }
                return true;
            }
        }
        return false;
    }
}
