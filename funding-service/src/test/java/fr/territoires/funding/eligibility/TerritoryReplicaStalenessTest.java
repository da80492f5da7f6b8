package fr.territoires.funding.eligibility;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.events.Topics;
import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.testing.KafkaTopics;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.Sql;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The replica never goes back in time: an event older than what it applied does not overwrite it. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class TerritoryReplicaStalenessTest {

    private static final Sql DB = Sql.on("funding");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static Map<String, String> headers(String type, String code, long sequence) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ce_id", UUID.randomUUID().toString());
        h.put("ce_source", "/territoires/territory-service");
        h.put("ce_type", type);
        h.put("ce_time", Instant.now().toString());
        h.put("ce_subject", code);
        h.put("ce_specversion", "1.0");
        h.put("ce_sequence", String.format("%019d", sequence));
        h.put("content-type", "application/json");
        return h;
    }

    private static String json(Map<String, String> headers) {
        return "{" + String.join(",", headers.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").toList()) + "}";
    }

    @Test
    void aReDrivenOldLabelledEventDoesNotBringBackATerritoryThatLeft() {
        String code = "ti-s" + UUID.randomUUID().toString().substring(0, 8);
        // Event 1 (labelled) was parked after a transient failure; event 2 (it left) was applied.
        String labelled = "{\"code\":\"" + code + "\",\"name\":\"Sud Alsace\",\"status\":\"LABELLED\",\"pilot\":false,"
                + "\"perimeter\":{\"epcis\":[\"200067213\"],\"communes\":[\"57606\"]}}";
        DB.rows("""
                INSERT INTO dead_letter (consumer, topic, kafka_partition, kafka_offset, event_key, headers, payload,
                                         error_class, error_message, attempts, status)
                VALUES ('funding-service', 'territory.events', 0, 900000 + floor(random() * 1000000)::bigint, ?, ?, ?,
                        'java.net.ConnectException', 'connection refused', 5, 'PARKED') RETURNING id""",
                code, json(headers("fr.territoires.territory.labelled.v1", code, 1)), labelled);
        KafkaTopics.send(BuildInfrastructure.kafkaBootstrapServers(), Topics.TERRITORY, code,
                headers("fr.territoires.territory.status-changed.v1", code, 2),
                "{\"code\":\"" + code + "\",\"name\":\"Sud Alsace\",\"status\":\"LEFT\",\"previousStatus\":\"LABELLED\"}");
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM territory WHERE code = ?", code) == 1);

        long letter = ((Number) DB.rows("SELECT id FROM dead_letter WHERE event_key = ?", code).get(0).get("id")).longValue();
        given().auth().oauth2(TestTokens.programmeAdmin())
                .when().post("/api/funding/admin/dead-letters/" + letter + "/redrive")
                .then().statusCode(200).body("status", equalTo("REDRIVEN"));

        // Still LEFT; the labelled event's perimeter, which nothing newer replaced, is taken.
        assertEquals(List.of(Map.of("status", "LEFT", "communes", "{57606}")), DB.rows(
                "SELECT t.status, p.communes::text AS communes FROM territory t JOIN territory_perimeter p "
                        + "ON p.territory_code = t.code WHERE t.code = ? ORDER BY p.effective_on DESC LIMIT 1", code));
    }

    @Test
    void anOlderPerimeterChangeArrivingAfterANewerOneIsIgnored() {
        String code = "ti-s" + UUID.randomUUID().toString().substring(0, 8);
        String kafka = BuildInfrastructure.kafkaBootstrapServers();
        KafkaTopics.send(kafka, Topics.TERRITORY, code, headers("fr.territoires.territory.labelled.v1", code, 1),
                "{\"code\":\"" + code + "\",\"name\":\"Nord Lorraine\",\"status\":\"LABELLED\",\"pilot\":false,"
                        + "\"perimeter\":{\"epcis\":[\"200067213\"],\"communes\":[\"57606\"]}}");
        KafkaTopics.send(kafka, Topics.TERRITORY, code, headers("fr.territoires.territory.perimeter-changed.v1", code, 3),
                "{\"code\":\"" + code + "\",\"name\":\"Nord Lorraine\",\"effectiveOn\":\"2026-01-01\","
                        + "\"perimeter\":{\"epcis\":[\"200067213\",\"245701222\"],\"communes\":[\"57606\",\"57221\"]},"
                        + "\"previousEpcis\":[\"200067213\"]}");
        // Sequence 2, replayed late: older than the perimeter the replica holds.
        Map<String, String> late = headers("fr.territoires.territory.perimeter-changed.v1", code, 2);
        KafkaTopics.send(kafka, Topics.TERRITORY, code, late,
                "{\"code\":\"" + code + "\",\"name\":\"Nord Lorraine\",\"effectiveOn\":\"2025-06-01\","
                        + "\"perimeter\":{\"epcis\":[],\"communes\":[]},\"previousEpcis\":[\"200067213\"]}");
        await().atMost(PATIENCE).until(() -> DB.count(
                "SELECT count(*) FROM consumed_event WHERE consumer = 'funding-service' AND event_id = ?", late.get("ce_id")) == 1);
        assertEquals(List.of(Map.of("communes", "{57606,57221}")),
                DB.rows("SELECT communes::text AS communes FROM territory_perimeter WHERE territory_code = ? "
                        + "ORDER BY effective_on DESC LIMIT 1", code));
        assertEquals(2, DB.count("SELECT count(*) FROM territory_change WHERE code = ?", code),
                "the late event changed nothing");
    }
}
