package org.gengdi.server.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small JSON-over-HTTP client for the processing tests. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    /** One answer: status, headers and body. */
    record Answer(int status, HttpResponse<byte[]> response) {
        String text() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    static Answer get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static Answer delete(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    static Answer post(String url, String json, boolean async) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (async) {
            b.header("Prefer", "respond-async");
        }
        return send(b);
    }

    private static Answer send(HttpRequest.Builder b) throws Exception {
        HttpResponse<byte[]> r = CLIENT.send(b.timeout(Duration.ofSeconds(120)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), r);
    }

    /** Polls a job's status URL until it is finished (or the time runs out); returns the last status. */
    static JsonNode awaitFinished(String statusUrl, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        JsonNode s;
        do {
            s = get(statusUrl).json();
            String status = s.path("status").asText();
            if (status.equals("successful") || status.equals("failed") || status.equals("dismissed")) {
                return s;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < end);
        throw new AssertionError("job not finished in " + limit + ": " + s);
    }
}
