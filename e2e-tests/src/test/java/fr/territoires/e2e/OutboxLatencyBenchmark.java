package fr.territoires.e2e;

import static io.restassured.RestAssured.given;

import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.stack.OsProcesses;
import fr.territoires.stack.QuarkusService;
import fr.territoires.stack.Stack;
import fr.territoires.testing.Sql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run with -Pbenchmark): latency from the commit of a state change to
 * Kafka's acknowledgement of its event, through the outbox relay, on this machine. Read from the
 * outbox itself: {@code published_at - created_at} per event.
 */
class OutboxLatencyBenchmark {

    private static final Path ROOT = BuildInfrastructure.buildRoot();
    private static final String DATABASE = "bench_territory";

    @Test
    void commitToAckLatency() throws Exception {
        int port = OsProcesses.freePort();
        QuarkusService service = PackagedServices.territoryService(DATABASE, port, Map.of());
        Stack stack = new Stack(ROOT.resolve("e2e-tests/target/benchmark"), System.out::println);
        stack.start(List.of(service));
        BuildInfrastructure.stopWhenBuildEnds(stack, service);
        String base = "http://localhost:" + port;
        String token = KeycloakTokens.user("admin.programme");
        StringBuilder report = new StringBuilder("| run | changes | clients | changes/s | events | p50 ms | p99 ms | max ms |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        try {
            run("warm-up", base, token, 200, 1, null);
            run("sequential", base, token, 2000, 1, report);
            run("concurrent", base, token, 2000, 4, report);
        } finally {
            stack.stop(List.of(service));
        }
        Path out = ROOT.resolve("e2e-tests/target/benchmarks/outbox-latency.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n" + report);
    }

    private static void run(String name, String base, String token, int changes, int clients, StringBuilder report)
            throws Exception {
        String run = name.substring(0, 3) + UUID.randomUUID().toString().substring(0, 6);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String code = "ti-b" + run + i;
            codes.add(code);
            given().baseUri(base).auth().oauth2(token).contentType("application/json")
                    .body(Map.of("code", code, "name", "Bench " + i, "status", "LABELLED"))
                    .when().post("/api/territories").then().statusCode(201);
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                // Each client owns its territories, so its changes never conflict with another's.
                for (int i = client; i < changes; i += clients) {
                    String code = codes.get(i % codes.size());
                    String status = (i / codes.size()) % 2 == 0 ? "LEFT" : "LABELLED";
                    given().baseUri(base).auth().oauth2(token).contentType("application/json")
                            .body(Map.of("status", status))
                            .when().put("/api/territories/" + code + "/status").then().statusCode(200);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        String keys = "event_key LIKE 'ti-b" + run + "%'";
        Sql db = Sql.on(DATABASE);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (db.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND " + keys) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Map<String, Object> stats = db.rows("""
                SELECT count(*) AS events,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
                       max(ms) AS max
                FROM (SELECT extract(epoch FROM published_at - created_at) * 1000 AS ms
                      FROM outbox_event WHERE published_at IS NOT NULL AND """ + " " + keys + ") latencies").get(0);
        if (report != null) {
            report.append(String.format("| %s | %d | %d | %.0f | %s | %.1f | %.1f | %.1f |%n", name, changes, clients,
                    changes / seconds, stats.get("events"), number(stats.get("p50")), number(stats.get("p99")),
                    number(stats.get("max"))));
        }
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
