package fr.territoires.backbone.outage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A few concurrent clients that keep writing (POST /test/traced-writes/{key}, one new key a write)
 * and reading (GET of the same key), the first client also asking for readiness, while a test stops and restarts a dependency; every answer is
 * kept, so that the test checks each one and compares what was acknowledged with what was stored.
 */
final class OutageLoad implements AutoCloseable {

    enum Kind { WRITE, READ, READY }

    /** One answer: its status, Retry-After, content type and body. */
    record Answer(Kind kind, String key, int status, String retryAfter, String contentType, String body) {

        /** 2xx, or 503 problem+json dependency-unavailable with a Retry-After of whole seconds. */
        boolean acceptable() {
            if (kind == Kind.READY) {
                return status == 200 || status == 503; // a health report, not problem+json
            }
            if (status >= 200 && status < 300) {
                return true;
            }
            return status == 503 && retryAfter != null && retryAfter.matches("[1-9][0-9]*")
                    && contentType != null && contentType.startsWith("application/problem+json")
                    && body.contains("urn:territoires:problem:dependency-unavailable") && !body.contains("Exception");
        }
    }

    private final URI base;
    private final String run;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService clients;
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    private OutageLoad(URI base, String run, int clientCount) {
        this.base = base;
        this.run = run;
        this.clients = Executors.newFixedThreadPool(clientCount);
        for (int c = 0; c < clientCount; c++) {
            int client = c;
            clients.submit(() -> loop(client));
        }
    }

    /** Starts {@code clientCount} clients against the application at {@code base}; keys start with {@code run}. */
    static OutageLoad start(URI base, String run, int clientCount) {
        return new OutageLoad(base, run, clientCount);
    }

    private void loop(int client) {
        for (int i = 0; running; i++) {
            String key = run + "-" + client + "-" + i;
            call(Kind.WRITE, key, HttpRequest.newBuilder(base.resolve("/test/traced-writes/" + key))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            call(Kind.READ, key, HttpRequest.newBuilder(base.resolve("/test/traced-writes/" + key)).GET());
            if (client == 0) {
                call(Kind.READY, key, HttpRequest.newBuilder(base.resolve("/q/health/ready")).GET());
            }
            pause(); // a steady load, not a busy loop on a shared machine
        }
    }

    private void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void call(Kind kind, String key, HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            answers.add(new Answer(kind, key, r.statusCode(), r.headers().firstValue("Retry-After").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(null), r.body()));
        } catch (IOException e) {
            failures.add(kind + " " + key + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** How many answers so far match. */
    long count(Predicate<Answer> which) {
        return answers.stream().filter(which).count();
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Requests that got no answer at all (connection reset, timeout). */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /** Keys whose write was acknowledged (2xx). */
    List<String> acknowledged() {
        return answers.stream().filter(a -> a.kind() == Kind.WRITE && a.status() / 100 == 2).map(Answer::key).toList();
    }

    /** Keys whose write was refused (503). */
    List<String> refused() {
        return answers.stream().filter(a -> a.kind() == Kind.WRITE && a.status() == 503).map(Answer::key).toList();
    }

    /** Answers neither 2xx nor a proper 503 (at most 20, for the message). */
    List<Answer> unacceptable() {
        List<Answer> wrong = new ArrayList<>();
        for (Answer a : answers) {
            if (!a.acceptable() && wrong.size() < 20) {
                wrong.add(a);
            }
        }
        return wrong;
    }

    /** Stops the clients and waits for their last requests. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        clients.shutdown();
        if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
            clients.shutdownNow();
        }
    }
}
