package dev.baton.notify.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** POSTs a JSON body and turns anything but a 2xx answer into a {@link DeliveryFailure} that quotes it. */
final class JsonPost {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int QUOTED = 500;

    private JsonPost() {}

    static void send(String url, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted", false);
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailure("invalid URL: " + e.getMessage(), true);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            String body = response.body();
            String quoted = body.length() > QUOTED ? body.substring(0, QUOTED) + "…" : body;
            // 4xx other than 408/429 is the receiver refusing this request; it will refuse it again
            boolean permanent = status / 100 == 4 && status != 408 && status != 429;
            throw new DeliveryFailure("HTTP " + status + ": " + quoted, permanent);
        }
    }
}
