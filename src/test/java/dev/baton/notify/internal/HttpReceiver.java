package dev.baton.notify.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local HTTP endpoint that records what is posted to it and answers with a status chosen per path. */
final class HttpReceiver {

    record Received(String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return this.headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse("");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

    HttpReceiver() {
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = this.statuses.getOrDefault(path, 200);
            if (status == 200) {
                this.received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
            }
            byte[] answer = (status == 200 ? "ok" : "receiver down (" + status + ")").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        this.server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
    }

    /** Requests answered 200 at this path. */
    List<Received> at(String path) {
        return this.received.stream().filter(r -> r.path().equals(path)).toList();
    }

    void answer(String path, int status) {
        this.statuses.put(path, status);
    }
}
