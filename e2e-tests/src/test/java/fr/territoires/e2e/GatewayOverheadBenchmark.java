package fr.territoires.e2e;

import static io.restassured.RestAssured.given;

import fr.territoires.stack.BuildInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run with -Pbenchmark): the same authenticated GET through the gateway and
 * directly on territory-service — throughput and p50/p99 latency, and their ratio. The gateway
 * checks the token, applies its protections and streams the answer; the service checks the token
 * again and reads PostgreSQL.
 */
class GatewayOverheadBenchmark {

    private static final int REQUESTS = 5_000;
    private static final int WARM_UP = 1_000;
    private static final int IN_FLIGHT = 8;

    @Test
    void gatewayAgainstDirect() throws Exception {
        // One client sends everything: the per-client rate limit is lifted (its check still runs).
        E2ePlatform platform = E2ePlatform.forBenchmark(Map.of("GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", "1000000",
                "GATEWAY_RATE_LIMIT_BURST", "1000000"));
        String token = KeycloakTokens.user("admin.programme");
        given().baseUri(platform.gateway()).auth().oauth2(token).contentType("application/json")
                .body(Map.of("code", "ti-bench", "name", "Bench", "status", "LABELLED")).post("/api/territories");
        String path = "/api/territories/ti-bench/action-sheets";
        StringBuilder report = new StringBuilder("| route | requests | in flight | requests/s | p50 ms | p99 ms |\n"
                + "|---|---|---|---|---|---|\n");
        Result direct = null;
        Result gateway = null;
        for (int round = 0; round < 2; round++) { // the first round warms both up
            direct = run(platform.url("territory-service") + path, token, round == 0 ? WARM_UP : REQUESTS);
            gateway = run(platform.gateway() + path, token, round == 0 ? WARM_UP : REQUESTS);
        }
        report.append(direct.row("territory-service directly")).append(gateway.row("through the gateway"));
        report.append(String.format("%nGateway/direct: throughput ×%.2f, p50 ×%.2f, p99 ×%.2f%n",
                gateway.perSecond() / direct.perSecond(), gateway.percentile(50) / direct.percentile(50),
                gateway.percentile(99) / direct.percentile(99)));
        Path out = BuildInfrastructure.buildRoot().resolve("e2e-tests/target/benchmarks/gateway-overhead.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n" + report);
    }

    record Result(int requests, int failures, double seconds, List<Double> latenciesMs) {

        double perSecond() {
            return requests / seconds;
        }

        double percentile(int p) {
            List<Double> sorted = new ArrayList<>(latenciesMs);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }

        String row(String route) {
            if (failures > 0) {
                throw new IllegalStateException(route + ": " + failures + " requests failed");
            }
            return String.format("| %s | %d | %d | %.0f | %.2f | %.2f |%n", route, requests, IN_FLIGHT, perSecond(),
                    percentile(50), percentile(99));
        }
    }

    private static Result run(String url, String token, int count) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .GET().build();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            long sent = System.nanoTime();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept(r -> {
                latencies.add((System.nanoTime() - sent) / 1e6);
                if (r.statusCode() != 200) {
                    failures.incrementAndGet();
                }
            }).whenComplete((v, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        return new Result(count, failures.get(), (System.nanoTime() - start) / 1e9, latencies);
    }
}
