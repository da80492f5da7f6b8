package fr.territoires.registry;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.events.EventSchemas;
import fr.territoires.events.EventType;
import fr.territoires.testing.Sql;
import fr.territoires.testing.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Territories, tokens and outbox reads shared by the registry's resource tests. Tests share one
 * database, and an EPCI belongs to one territory per phase: each test class uses its own EPCIs.
 */
public final class RegistryFixtures {

    public static final Sql DB = Sql.on("territory");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryFixtures() {
    }

    /** A new labelled territory of the current phase, without a perimeter. */
    public static String territory(String prefix) {
        String code = "ti-" + prefix + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType("application/json")
                .body(Map.of("code", code, "name", "Territoire " + code, "status", "LABELLED"))
                .when().post("/api/territories").then().statusCode(201);
        return code;
    }

    /** A new labelled territory with these EPCIs since 2024-01-01. */
    public static String territoryWith(String prefix, String... epcis) {
        String code = territory(prefix);
        given().auth().oauth2(TestTokens.programmeAdmin()).contentType("application/json")
                .body(Map.of("epcis", List.of(epcis), "effectiveOn", "2024-01-01"))
                .when().put("/api/territories/" + code + "/perimeter").then().statusCode(200);
        return code;
    }

    public static String manager(String... codes) {
        return TestTokens.user("lead." + codes[0]).roles("territory-manager").territories(codes).token();
    }

    public static String officer(String region) {
        return TestTokens.user("officer." + region).roles("region-officer").region(region).token();
    }

    public static String company() {
        return TestTokens.user("company.demo").roles("company").siren("552081317").token();
    }

    /** The types of the events waiting in or sent from the outbox for a territory, oldest first. */
    public static List<String> eventTypes(String code) {
        return DB.rows("SELECT event_type FROM outbox_event WHERE event_key = ? ORDER BY id", code).stream()
                .map(r -> ((String) r.get("event_type")).replace("fr.territoires.territory.", "")).toList();
    }

    /** The last event of a type for a territory, checked against its schema. */
    public static JsonNode lastEvent(String code, EventType type) {
        List<Map<String, Object>> rows = DB.rows(
                "SELECT payload FROM outbox_event WHERE event_key = ? AND event_type = ? ORDER BY id DESC LIMIT 1", code,
                type.type());
        assertEquals(1, rows.size(), "no " + type.type() + " for " + code);
        try {
            JsonNode payload = JSON.readTree((String) rows.get(0).get("payload"));
            assertEquals(List.of(), EventSchemas.violations(type, payload));
            return payload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same request sent by {@code times} callers at once (a thread each, released together): the statuses, in
     * no particular order.
     */
    public static List<Integer> atOnce(int times, java.util.function.IntSupplier request) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(times);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Integer>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < times; i++) {
                sent.add(pool.submit(() -> {
                    go.await();
                    return request.getAsInt();
                }));
            }
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : sent) {
                statuses.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return statuses;
        } catch (Exception e) {
            throw new IllegalStateException("concurrent requests failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
