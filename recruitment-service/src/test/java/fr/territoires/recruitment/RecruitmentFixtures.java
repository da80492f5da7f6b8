package fr.territoires.recruitment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.events.EventSchemas;
import fr.territoires.events.EventType;
import fr.territoires.events.Topics;
import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.testing.KafkaTopics;
import fr.territoires.testing.Sql;
import fr.territoires.testing.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Territories (sent as real territory events), companies, needs, tokens and outbox reads shared by
 * the service's tests. Tests share one database, and a commune must lie in one labelled territory
 * only: each test class labels its own territory once, with communes no other class uses.
 */
public final class RecruitmentFixtures {

    public static final Sql DB = Sql.on("recruitment");
    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecruitmentFixtures() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    public static String kafka() {
        return BuildInfrastructure.kafkaBootstrapServers();
    }

    public static String newCode(String prefix) {
        return "ti-" + prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends an event on a topic as its producer would; returns its ce_id. */
    public static String send(String topic, String type, String code, String payload) {
        String id = UUID.randomUUID().toString();
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ce_id", id);
        h.put("ce_source", topic.equals(Topics.TERRITORY) ? "/territoires/territory-service" : "/territoires/funding-service");
        h.put("ce_type", type);
        h.put("ce_time", Instant.now().toString());
        h.put("ce_subject", code);
        h.put("ce_specversion", "1.0");
        h.put("content-type", "application/json");
        KafkaTopics.send(kafka(), topic, code, h, payload);
        return id;
    }

    /** Waits until recruitment-service has applied the event. */
    public static void awaitApplied(String eventId) {
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM consumed_event WHERE event_id = ?", eventId) == 1);
    }

    /** A labelled territory holding these communes (and their EPCIs), once recruitment-service has it. */
    public static String labelled(String code, String... communes) {
        String id = send(Topics.TERRITORY, "fr.territoires.territory.labelled.v1", code, labelledPayload(code, communes));
        awaitApplied(id);
        return code;
    }

    public static String labelledPayload(String code, String... communes) {
        return "{\"code\":\"" + code + "\",\"name\":\"Territoire " + code + "\",\"status\":\"LABELLED\",\"pilot\":false,"
                + "\"perimeter\":{\"epcis\":[],\"communes\":[" + quoted(communes) + "]}}";
    }

    public static String quoted(String... values) {
        return String.join(",", List.of(values).stream().map(v -> "\"" + v + "\"").toList());
    }

    /** A made-up SIRET with valid Luhn keys (SIREN and SIRET), never La Poste's. */
    public static String siret() {
        return fr.territoires.testing.Sirets.random('8');
    }


    public static String admin() {
        return TestTokens.programmeAdmin();
    }

    public static String partner() {
        return TestTokens.partner();
    }

    public static String manager(String... codes) {
        return TestTokens.user("lead." + codes[0]).roles("territory-manager").territories(codes).token();
    }

    public static String officer(String region) {
        return TestTokens.user("officer." + region).roles("region-officer").region(region).token();
    }

    public static String company(String siret) {
        return TestTokens.user("company." + siret).roles("company").siren(siret.substring(0, 9)).token();
    }

    public static Map<String, Object> companyBody(String siret, String commune) {
        return new HashMap<>(Map.of("siret", siret, "name", "Entreprise " + siret, "nafCode", "25.11Z",
                "commune", commune, "sizeBand", "SMALL"));
    }

    /** Registers a company as the programme team; returns its SIRET. */
    public static String registeredCompany(String commune) {
        String siret = siret();
        given().auth().oauth2(admin()).contentType("application/json").body(companyBody(siret, commune))
                .when().post("/api/recruitment/companies").then().statusCode(201);
        return siret;
    }

    public static Map<String, Object> needBody(String siret) {
        Map<String, Object> body = new HashMap<>();
        body.put("siret", siret);
        body.put("romeCode", "H2913");
        body.put("jobTitle", "Soudeur / soudeuse TIG");
        body.put("headcount", 3);
        body.put("contractType", "CDI");
        body.put("qualificationLevel", "SKILLED_WORKER");
        body.put("skills", List.of("TIG", "Lecture de plans"));
        body.put("workStudy", true);
        body.put("startDate", today().plusDays(7).toString());
        body.put("deadline", today().plusDays(180).toString());
        body.put("hoursPerWeek", 35);
        body.put("difficult", true);
        body.put("difficultyReasons", List.of("CANDIDATE_SHORTAGE"));
        return body;
    }

    /** Declares a need with this token; returns its id. */
    public static String declared(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post("/api/recruitment/needs").then().statusCode(201).extract().jsonPath().getString("id");
    }

    public static long needs() {
        return DB.count("SELECT count(*) FROM recruitment_need");
    }

    public static long outbox() {
        return DB.count("SELECT count(*) FROM outbox_event");
    }

    /** The types of the events in the outbox for a territory, oldest first, without their prefix. */
    public static List<String> eventTypes(String code) {
        return DB.rows("SELECT event_type FROM outbox_event WHERE event_key = ? ORDER BY id", code).stream()
                .map(r -> ((String) r.get("event_type")).replace("fr.territoires.recruitment.", "")).toList();
    }

    /** The last event of a type for a need, checked against its schema. */
    public static JsonNode lastEvent(String needId, EventType type) {
        List<Map<String, Object>> rows = DB.rows("SELECT payload FROM outbox_event WHERE event_type = ? "
                + "AND payload LIKE ? ORDER BY id DESC LIMIT 1", type.type(), "%" + needId + "%");
        assertEquals(1, rows.size(), "no " + type.type() + " for " + needId);
        try {
            JsonNode payload = JSON.readTree((String) rows.get(0).get("payload"));
            assertEquals(List.of(), EventSchemas.violations(type, payload));
            return payload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
