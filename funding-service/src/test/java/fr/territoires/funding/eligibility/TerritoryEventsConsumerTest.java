package fr.territoires.funding.eligibility;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** territory.events as funding-service consumes them, from the real broker. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class TerritoryEventsConsumerTest {

    private static final Sql DB = Sql.on("funding");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static String kafka() {
        return BuildInfrastructure.kafkaBootstrapServers();
    }

    private static Map<String, String> headers(String id, String type, String code) {
        Map<String, String> h = KafkaTopics.cloudEventHeaders("territory-service", type, code);
        h.put("ce_id", id);
        return h;
    }

    private static void labelled(String id, String code) {
        KafkaTopics.send(kafka(), Topics.TERRITORY, code, headers(id, "fr.territoires.territory.labelled.v1", code),
                "{\"code\":\"" + code + "\",\"name\":\"Nord Lorraine\",\"status\":\"LABELLED\",\"pilot\":false,"
                        + "\"perimeter\":{\"epcis\":[\"200067213\"],\"communes\":[\"57606\"]}}");
    }

    private static String newCode() {
        return "ti-f" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long changes(String code) {
        return DB.count("SELECT count(*) FROM territory_change WHERE code = ?", code);
    }

    @Test
    void aLabelledTerritoryBecomesEligible() {
        String code = newCode();
        labelled(UUID.randomUUID().toString(), code);
        await().atMost(PATIENCE).until(() -> changes(code) == 1);
        given().auth().oauth2(TestTokens.partner())
                .queryParam("size", 100)
                .when().get("/api/funding/territories")
                .then().statusCode(200)
                .body("items.findAll { it.code == '" + code + "' }.eligible", hasItem(true));
        assertEquals(List.of(Map.of("epcis", "{200067213}", "communes", "{57606}")),
                DB.rows("SELECT epcis::text AS epcis, communes::text AS communes FROM territory_perimeter WHERE territory_code = ?",
                        code));
    }

    /** The same event delivered twice changes the replica once. */
    @Test
    void theSameEventDeliveredTwiceIsAppliedOnce() {
        String code = newCode();
        String id = UUID.randomUUID().toString();
        labelled(id, code);
        labelled(id, code);
        String leftId = UUID.randomUUID().toString();
        KafkaTopics.send(kafka(), Topics.TERRITORY, code, headers(leftId, "fr.territoires.territory.status-changed.v1", code),
                "{\"code\":\"" + code + "\",\"name\":\"Nord Lorraine\",\"status\":\"LEFT\",\"previousStatus\":\"LABELLED\"}");
        // The status change comes after both copies in the partition: once it is applied, both were seen.
        await().atMost(PATIENCE).until(() -> changes(code) >= 2);
        assertEquals(2, changes(code));
        assertEquals(1, DB.count("SELECT count(*) FROM consumed_event WHERE event_id = ?", id));
        assertEquals("LEFT", DB.rows("SELECT status FROM territory WHERE code = ?", code).get(0).get("status"));
    }

    /** Leaving the programme flags the territory's open applications; a new perimeter replaces the replica's. */
    @Test
    void aTerritoryThatLeavesHasItsOpenApplicationsFlagged() {
        String code = newCode();
        labelled(UUID.randomUUID().toString(), code);
        await().atMost(PATIENCE).until(() -> changes(code) == 1);
        java.util.UUID envelope = fr.territoires.funding.FundingFixtures.openEnvelope("100000.00");
        java.util.UUID open = fr.territoires.funding.FundingFixtures.underReview(fr.territoires.funding.FundingFixtures
                .application(code, 1000, false, Map.of(envelope, "100")));

        KafkaTopics.send(kafka(), Topics.TERRITORY, code, headers(UUID.randomUUID().toString(),
                "fr.territoires.territory.perimeter-changed.v1", code),
                "{\"code\":\"" + code + "\",\"name\":\"Nord Lorraine\",\"effectiveOn\":\"2026-01-01\","
                        + "\"perimeter\":{\"epcis\":[\"200067213\",\"245701222\"],\"communes\":[\"57606\",\"57221\"]},"
                        + "\"previousEpcis\":[\"200067213\"]}");
        KafkaTopics.send(kafka(), Topics.TERRITORY, code, headers(UUID.randomUUID().toString(),
                "fr.territoires.territory.status-changed.v1", code),
                "{\"code\":\"" + code + "\",\"name\":\"Nord Lorraine\",\"status\":\"LEFT\",\"previousStatus\":\"LABELLED\"}");
        await().atMost(PATIENCE).until(() -> changes(code) == 3);
        assertEquals(List.of(Map.of("communes", "{57606,57221}", "territory_left", true)), DB.rows(
                "SELECT p.communes::text AS communes, a.territory_left FROM territory_perimeter p "
                        + "JOIN application a ON a.territory_code = p.territory_code WHERE a.id = ? "
                        + "ORDER BY p.effective_on DESC LIMIT 1", open));
        fr.territoires.funding.FundingFixtures.api(fr.territoires.funding.FundingFixtures.admin())
                .body(fr.territoires.funding.FundingFixtures.application(code, 1000, false, Map.of(envelope, "100")))
                .when().post("/api/funding/applications")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.equalTo("urn:territoires:problem:territory-not-eligible"));
    }

    /**
     * A perimeter announced for a later day is held until that day: today the territory is still judged
     * (here, the Region that may read and decide for it) on the perimeter in force.
     */
    @Test
    void aPerimeterAnnouncedForALaterDayTakesEffectOnThatDay() {
        String code = newCode();
        labelled(UUID.randomUUID().toString(), code); // 57606, Moselle: Grand Est (44)
        await().atMost(PATIENCE).until(() -> changes(code) == 1);
        String later = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusYears(1).toString();
        KafkaTopics.send(kafka(), Topics.TERRITORY, code, headers(UUID.randomUUID().toString(),
                "fr.territoires.territory.perimeter-changed.v1", code),
                "{\"code\":\"" + code + "\",\"name\":\"Nord Lorraine\",\"effectiveOn\":\"" + later + "\","
                        + "\"perimeter\":{\"epcis\":[\"200054781\"],\"communes\":[\"75056\"]},"
                        + "\"previousEpcis\":[\"200067213\"]}");
        await().atMost(PATIENCE).until(() -> changes(code) == 2);
        assertEquals(2, DB.count("SELECT count(*) FROM territory_perimeter WHERE territory_code = ?", code),
                "both perimeters kept, each from its day");
        given().auth().oauth2(fr.territoires.funding.FundingFixtures.officer("44"))
                .when().get("/api/funding/reports/territories/" + code)
                .then().statusCode(200).body("regions", equalTo(List.of("44")));
        given().auth().oauth2(fr.territoires.funding.FundingFixtures.officer("11"))
                .when().get("/api/funding/reports/territories/" + code)
                .then().statusCode(403);
    }

    /** A malformed message lands in the dead letters, and the next valid one is applied. */
    @Test
    void aMalformedMessageIsParkedAndConsumptionGoesOn() {
        String code = newCode();
        Map<String, String> noType = headers(UUID.randomUUID().toString(), "", code);
        noType.remove("ce_type");
        KafkaTopics.send(kafka(), Topics.TERRITORY, code, noType, "{\"code\": \"" + code + "\"");
        String schemaBreaker = UUID.randomUUID().toString();
        KafkaTopics.send(kafka(), Topics.TERRITORY, code, headers(schemaBreaker, "fr.territoires.territory.labelled.v1", code),
                "{\"code\":\"" + code + "\",\"name\":\"\",\"status\":\"LABELLED\"}");
        labelled(UUID.randomUUID().toString(), code);

        await().atMost(PATIENCE).until(() -> changes(code) == 1);
        List<Map<String, Object>> parked = DB.rows(
                "SELECT error_message, status, kafka_offset FROM dead_letter WHERE event_key = ? ORDER BY id", code);
        assertEquals(2, parked.size(), parked.toString());
        assertTrue(((String) parked.get(0).get("error_message")).contains("header ce_type is missing"), parked.toString());
        assertTrue(((String) parked.get(0).get("error_message")).contains("not JSON"), parked.toString());
        assertTrue(((String) parked.get(1).get("error_message")).contains("breaks the schema"), parked.toString());

        List<KafkaTopics.Message> dlq = KafkaTopics.readUntil(kafka(), "territory.events.dlq.funding-service",
                seen -> seen.stream().filter(m -> code.equals(m.key())).count() == 2, PATIENCE);
        KafkaTopics.Message first = dlq.stream().filter(m -> code.equals(m.key())).findFirst().orElseThrow();
        assertEquals("territory.events", first.header("dlq_origin_topic"));
        assertEquals(String.valueOf(parked.get(0).get("kafka_offset")), first.header("dlq_origin_offset"));
        assertEquals("funding-service", first.header("dlq_consumer"));
        assertTrue(first.header("dlq_error_message").contains("header ce_type is missing"));
    }

    @Test
    void theProgrammeTeamListsAndReDrivesDeadLetters() {
        String code = newCode();
        KafkaTopics.send(kafka(), Topics.TERRITORY, code, headers(UUID.randomUUID().toString(),
                "fr.territoires.territory.labelled.v1", code), "not json at all");
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM dead_letter WHERE event_key = ?", code) == 1);
        long id = ((Number) DB.rows("SELECT id FROM dead_letter WHERE event_key = ?", code).get(0).get("id")).longValue();
        String admin = TestTokens.programmeAdmin();

        given().auth().oauth2(admin).queryParam("status", "PARKED").queryParam("size", 100)
                .when().get("/api/funding/admin/dead-letters")
                .then().statusCode(200)
                .body("items.id", hasItem((int) id));
        given().auth().oauth2(admin)
                .when().get("/api/funding/admin/dead-letters/" + id)
                .then().statusCode(200)
                .body("topic", equalTo("territory.events"), "key", equalTo(code), "status", equalTo("PARKED"),
                        "headers.ce_type", equalTo("fr.territoires.territory.labelled.v1"));
        // Still malformed: re-driving it fails with the reason, and it stays parked.
        given().auth().oauth2(admin)
                .when().post("/api/funding/admin/dead-letters/" + id + "/redrive")
                .then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partner())
                .when().get("/api/funding/admin/dead-letters")
                .then().statusCode(403);
        given().auth().oauth2(admin).queryParam("status", "LOST")
                .when().get("/api/funding/admin/dead-letters")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    /** A parked event that can now be applied is applied once by the re-drive, and only once. */
    @Test
    void aReDrivenEventIsAppliedOnce() {
        String code = newCode();
        String id = UUID.randomUUID().toString();
        String headersJson = "{" + String.join(",", headers(id, "fr.territoires.territory.labelled.v1", code).entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").toList()) + "}";
        String payload = "{\"code\":\"" + code + "\",\"name\":\"Sud Alsace\",\"status\":\"LABELLED\",\"pilot\":false,"
                + "\"perimeter\":{\"epcis\":[],\"communes\":[]}}";
        // As the consumer parks an event after its last transient failure (the database was away, say).
        DB.rows("""
                INSERT INTO dead_letter (consumer, topic, kafka_partition, kafka_offset, event_key, headers, payload,
                                         error_class, error_message, attempts, status)
                VALUES ('funding-service', 'territory.events', 0, 900000 + floor(random() * 1000000)::bigint, ?, ?, ?,
                        'java.net.ConnectException', 'connection refused', 5, 'PARKED') RETURNING id""",
                code, headersJson, payload);
        long deadLetter = ((Number) DB.rows("SELECT id FROM dead_letter WHERE event_key = ?", code).get(0).get("id")).longValue();
        String admin = TestTokens.programmeAdmin();

        given().auth().oauth2(admin).when().post("/api/funding/admin/dead-letters/" + deadLetter + "/redrive")
                .then().statusCode(200).body("status", equalTo("REDRIVEN"));
        assertEquals(1, changes(code));
        given().auth().oauth2(admin).when().post("/api/funding/admin/dead-letters/" + deadLetter + "/redrive")
                .then().statusCode(409).contentType("application/problem+json");
        // Re-driving everything parked leaves this one alone and reports the ones still failing.
        int parked = (int) DB.count("SELECT count(*) FROM dead_letter WHERE status = 'PARKED'");
        given().auth().oauth2(admin).when().post("/api/funding/admin/dead-letters/redrive")
                .then().statusCode(200)
                .body("redriven", equalTo(0), "stillFailing", equalTo(parked), "failedIds.size()", equalTo(parked));
        assertEquals(1, changes(code));
    }

    @Test
    void readinessReportsTheBackbone() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'Event backbone' }.status", equalTo("UP"),
                        "checks.find { it.name == 'Event backbone' }.data.'consumer territory.events'", equalTo("RUNNING"));
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("backbone_outbox_backlog"));
    }
}
