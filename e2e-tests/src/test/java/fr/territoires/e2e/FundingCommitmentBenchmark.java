package fr.territoires.e2e;

import static io.restassured.RestAssured.given;

import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.stack.OsProcesses;
import fr.territoires.stack.QuarkusService;
import fr.territoires.stack.Stack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test (run with -Pbenchmark): approvals that commit money, per second, through
 * the packaged funding-service on real PostgreSQL, with p50/p99 latency. Against ONE envelope every
 * approval waits for the envelope's row lock (the price of never over-committing); against MANY
 * envelopes they run side by side.
 */
class FundingCommitmentBenchmark {

    private static final Path ROOT = BuildInfrastructure.buildRoot();
    private static final String DATABASE = "bench_funding";
    private static final String TERRITORY = "ti-bench";
    private static final int APPROVALS = 1_000;
    private static final int IN_FLIGHT = 16;

    @Test
    void commitmentsPerSecond() throws Exception {
        int port = OsProcesses.freePort();
        QuarkusService service = PackagedServices.fundingService(DATABASE, port, Map.of());
        Stack stack = new Stack(ROOT.resolve("e2e-tests/target/benchmark-funding"), System.out::println);
        stack.start(List.of(service));
        BuildInfrastructure.stopWhenBuildEnds(stack, service);
        String token = KeycloakTokens.user("admin.programme");
        StringBuilder report = new StringBuilder(
                "| scenario | approvals | in flight | committed | refused | seconds | approvals/s | p50 ms | p99 ms |\n"
                        + "|---|---|---|---|---|---|---|---|---|\n");
        try {
            sql("INSERT INTO territory (code, name, status, updated_at, last_event_id) "
                    + "VALUES ('" + TERRITORY + "', 'Bench', 'LABELLED', now(), 'bench') ON CONFLICT DO NOTHING");
            sql("INSERT INTO territory_perimeter (territory_code, effective_on, epcis, communes, event_id) "
                    + "VALUES ('" + TERRITORY + "', '-infinity', '{}', '{54431}', 'bench') ON CONFLICT DO NOTHING");
            String base = "http://localhost:" + port;
            // Warm-up, not measured.
            run(base, token, envelopes(base, token, 1, "100000000.00"), 100);
            for (int envelopes : List.of(1, 50)) {
                List<UUID> ids = envelopes(base, token, envelopes, "100000000.00");
                Result r = run(base, token, ids, APPROVALS);
                report.append(String.format("| %s | %d | %d | %d | %d | %.2f | %.0f | %.1f | %.1f |%n",
                        envelopes == 1 ? "one envelope" : envelopes + " envelopes", APPROVALS, IN_FLIGHT, r.committed,
                        r.refused, r.seconds, r.committed / r.seconds, r.percentile(50), r.percentile(99)));
            }
        } finally {
            stack.stop(List.of(service));
        }
        Path out = ROOT.resolve("e2e-tests/target/benchmarks/funding-commitments.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n" + report);
    }

    record Result(int committed, int refused, double seconds, List<Double> latenciesMs) {
        double percentile(int p) {
            List<Double> sorted = new ArrayList<>(latenciesMs);
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }

    private static List<UUID> envelopes(String base, String token, int count, String ceiling) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.fromString(given().baseUri(base).auth().oauth2(token).contentType("application/json")
                    .body(Map.of("funder", "STATE_ANCT", "name", "Bench " + UUID.randomUUID(), "priority", "INNOVATE",
                            "scope", "NATIONAL", "firstYear", 2024, "lastYear", 2030, "ceiling", ceiling))
                    .when().post("/api/funding/envelopes").then().statusCode(201).extract().path("id")));
        }
        return ids;
    }

    /** {@code count} applications under review (written directly), then approved with IN_FLIGHT requests at a time. */
    private static Result run(String base, String token, List<UUID> envelopes, int count) throws Exception {
        List<UUID> applications = new ArrayList<>();
        BuildInfrastructure.Postgres pg = BuildInfrastructure.postgres(DATABASE);
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(DATABASE), pg.user(), pg.password());
                PreparedStatement app = c.prepareStatement("""
                        INSERT INTO application (id, territory_code, owner_siret, owner_name, owner_local_authority, title,
                            eligible_cost, status, created_by, submitted_at)
                        VALUES (?, ?, '55208131766522', 'Bench', false, 'Bench', 20000, 'UNDER_REVIEW', 'bench', now())""");
                PreparedStatement line = c.prepareStatement(
                        "INSERT INTO application_line (application_id, envelope_id, requested) VALUES (?, ?, 10000)")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                applications.add(id);
                app.setObject(1, id);
                app.setString(2, TERRITORY);
                app.addBatch();
                line.setObject(1, id);
                line.setObject(2, envelopes.get(i % envelopes.size()));
                line.addBatch();
            }
            app.executeBatch();
            line.executeBatch();
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        long start = System.nanoTime();
        for (UUID id : applications) {
            inFlight.acquire();
            long sent = System.nanoTime();
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/funding/applications/" + id + "/decision"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "bench-" + id)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"APPROVED\"}")).build(),
                    HttpResponse.BodyHandlers.discarding()).thenAccept(r -> {
                        latencies.add((System.nanoTime() - sent) / 1e6);
                        (r.statusCode() == 200 ? committed : refused).incrementAndGet();
                    }).whenComplete((v, e) -> inFlight.release()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        return new Result(committed.get(), refused.get(), (System.nanoTime() - start) / 1e9, latencies);
    }

    private static void sql(String statement) throws Exception {
        BuildInfrastructure.Postgres pg = BuildInfrastructure.postgres(DATABASE);
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(DATABASE), pg.user(), pg.password())) {
            c.createStatement().execute(statement);
        }
    }
}
